import { UsageError } from '../../shared/command';
import { formatFinding, formatHuman, ruleIds, toJsonReport, validateProject } from '..';
import type { Finding, ValidationResult } from '../types';
import { copyFixture, fixture, removeTemporaryProjects, replace, VALID_FLOW } from './helpers';

afterAll(removeTemporaryProjects);

const FINDING: Finding = {
    rule: 'flow-references',
    severity: 'error',
    file: 'force-app/main/default/flows/A.flow-meta.xml',
    line: 12,
    path: 'Flow.formulas[Email]',
    message: '`$Record.Mail__c`: `Link__c.Mail__c` does not exist.',
    fix: 'Fix the field name.'
};

const RESULT: ValidationResult = {
    ok: false,
    root: '/project',
    findings: [
        FINDING,
        {
            rule: 'api-version',
            severity: 'warning',
            message: 'No sourceApiVersion.',
            fix: 'Add one.'
        }
    ],
    summary: {
        files: 3,
        errors: 1,
        warnings: 1,
        notes: 0,
        rules: ['flow-references', 'api-version']
    }
};

describe('validateProject', () => {
    it('passes the valid fixture with every rule', async () => {
        const result = await validateProject(fixture('valid-project'));
        expect(result).toEqual({
            ok: true,
            root: fixture('valid-project'),
            findings: [],
            summary: { files: 12, errors: 0, warnings: 0, notes: 0, rules: ruleIds() }
        });
    });

    it('fails on errors, counts findings and sorts them by file and line', async () => {
        const dir = copyFixture('valid-project', {
            'sfdx-project.json': JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: '66.0',
                plugins: { validate: { apiVersionMismatchSeverity: 'error' } }
            }),
            [VALID_FLOW]: (text) =>
                replace(
                    '<apiVersion>66.0</apiVersion>',
                    '<apiVersion>65.0</apiVersion>'
                )(text).replace('{!$Flow.FaultMessage}', '{!$Global.Thing}')
        });
        const result = await validateProject(dir, { rules: ['api-version', 'flow-references'] });
        expect(result.ok).toBe(false);
        expect(result.summary).toEqual(
            expect.objectContaining({ errors: 1, warnings: 1, notes: 0 })
        );
        expect(result.findings.map((item) => [item.line, item.rule])).toEqual([
            [3, 'api-version'],
            [35, 'flow-references']
        ]);
    });

    it('refuses an unknown rule', async () => {
        await expect(
            validateProject(fixture('valid-project'), { rules: ['no-such-rule'] })
        ).rejects.toThrow(UsageError);
    });
});

describe('report', () => {
    it('writes one line per finding: file:line, severity, rule, message, path and what to do', () => {
        expect(formatFinding(FINDING)).toBe(
            'force-app/main/default/flows/A.flow-meta.xml:12: error [flow-references] `$Record.Mail__c`: `Link__c.Mail__c` does not exist. (Flow.formulas[Email]) — Fix the field name.'
        );
    });

    it('groups findings by file and ends with a one-line summary', () => {
        expect(formatHuman(RESULT, 1.25).split('\n\n')).toEqual([
            formatFinding(FINDING),
            '(project): warning [api-version] No sourceApiVersion. — Add one.',
            'Validation failed: 1 error, 1 warning, 0 notes in 3 files (2 rules, 1.3 s).'
        ]);
    });

    it('lists only errors when asked, and still counts everything', () => {
        expect(formatHuman(RESULT, undefined, 'error').split('\n\n')).toEqual([
            formatFinding(FINDING),
            'Validation failed: 1 error, 1 warning, 0 notes in 3 files (2 rules).'
        ]);
    });

    it('prints JSON with every key of a finding, null when it does not apply', () => {
        const report = toJsonReport(RESULT);
        expect(report.schemaVersion).toBe(1);
        expect(report.findings[1]).toEqual({
            rule: 'api-version',
            severity: 'warning',
            file: null,
            line: null,
            column: null,
            path: null,
            message: 'No sourceApiVersion.',
            fix: 'Add one.'
        });
        expect(report.summary).toBe(RESULT.summary);
    });
});
