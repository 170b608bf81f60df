import * as path from 'node:path';
import { fitNames, formatBytes, formatSummary } from '../summary';
import type { BuildSummary, Member, ValidationReport } from '../types';

const ROOT = path.join(path.sep, 'work', 'kit');
const PASSED: ValidationReport = {
    passed: true,
    errors: [],
    otherFindings: 0,
    summary: 'Validation passed: 0 errors.'
};

const FIELDS: Member[] = ['Url__c', 'Email__c', 'LinkType__c', 'IsActive__c'].map((field) => ({
    type: 'CustomField',
    name: `CalendlyLink__c.${field}`
}));

function summary(validation: ValidationReport, members: readonly Member[] = FIELDS): BuildSummary {
    return {
        layout: {
            root: ROOT,
            packageName: 'Calendly Links',
            versionNumber: '2.3.0.NEXT',
            packagedDir: 'force-app',
            unpackagedDirs: ['unpackaged'],
            apiVersion: '66.0'
        },
        output: {
            directory: path.join(ROOT, 'dist', 'package'),
            directoryFiles: ['objects/CalendlyLink__c.object', 'flows/Map.flow', 'package.xml'],
            zipPath: path.join(ROOT, 'dist', 'calendly-links.zip'),
            zipBytes: 11290,
            zipFiles: ['objects/CalendlyLink__c.object', 'flows/Map.flow', 'package.xml'],
            members,
            apiVersion: '66.0'
        },
        validation
    };
}

describe('formatSummary', () => {
    it('lists components by type with counts, the API version and the output paths', () => {
        const members = [
            ...FIELDS,
            { type: 'Flow', name: 'MapUserCalendlyLinkTemplate' },
            { type: 'CustomObject', name: 'CalendlyLink__c' }
        ];

        const text = formatSummary(summary(PASSED, members), {
            width: 90
        });

        expect(text).toBe(
            [
                'Built Calendly Links 2.3.0.NEXT from force-app (API 66.0)',
                'Validation passed: 0 errors.',
                '',
                'Components: 6 in 3 type(s)',
                '  CustomField   4  CalendlyLink__c.Email__c, CalendlyLink__c.IsActive__c, … +2 more',
                '  CustomObject  1  CalendlyLink__c',
                '  Flow          1  MapUserCalendlyLinkTemplate',
                '',
                'Output:',
                '  dist/package             metadata format with package.xml, 3 files',
                '  dist/calendly-links.zip  11.0 KiB, 3 files',
                ''
            ].join('\n')
        );
    });

    it('keeps every line within the width when names are many', () => {
        const many = Array.from({ length: 60 }, (_, index) => ({
            type: 'CustomField',
            name: `CalendlyLink__c.Field${index}__c`
        }));

        const lines = formatSummary(summary(PASSED, many), {
            width: 72
        }).split('\n');

        expect(lines.every((line) => line.length <= 72)).toBe(true);
        expect(lines.find((line) => line.startsWith('  CustomField'))).toMatch(/, … \+\d+ more$/);
    });

    it("prints the validator's summary line, pointing to the warnings it does not list", () => {
        const validation = {
            passed: true,
            errors: [],
            otherFindings: 1,
            summary: 'Validation passed: 0 errors, 1 warning.'
        };

        expect(formatSummary(summary(validation)).split('\n')[1]).toBe(
            'Validation passed: 0 errors, 1 warning. npm run validate lists the warnings and notes.'
        );
    });
});

describe('fitNames', () => {
    const names = ['alpha', 'beta', 'gamma', 'delta'];

    it('shows every name that fits', () => {
        expect(fitNames(names, 100)).toBe('alpha, beta, gamma, delta');
    });

    it('cuts the list and counts the names left out', () => {
        expect(fitNames(names, 24)).toBe('alpha, beta, … +2 more');
    });

    it('always shows the first name', () => {
        expect(fitNames(names, 3)).toBe('alpha, … +3 more');
        expect(fitNames([], 10)).toBe('');
    });
});

describe('formatBytes', () => {
    it('uses bytes below one KiB and KiB with one decimal above', () => {
        expect(formatBytes(512)).toBe('512 B');
        expect(formatBytes(11290)).toBe('11.0 KiB');
    });
});
