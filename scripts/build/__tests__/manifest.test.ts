import { membersByType, parseManifest } from '../manifest';

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>CalendlyLink__c.Url__c</members>
        <members>CalendlyLink__c.Email__c</members>
        <name>CustomField</name>
    </types>
    <types>
        <members>MapUserCalendlyLinkTemplate</members>
        <name>Flow</name>
    </types>
    <version>66.0</version>
</Package>
`;

describe('parseManifest', () => {
    it('reads the members and the API version', () => {
        expect(parseManifest(MANIFEST, 'package.xml')).toEqual({
            members: [
                { type: 'CustomField', name: 'CalendlyLink__c.Url__c' },
                { type: 'CustomField', name: 'CalendlyLink__c.Email__c' },
                { type: 'Flow', name: 'MapUserCalendlyLinkTemplate' }
            ],
            apiVersion: '66.0'
        });
    });

    it('refuses a file that is not a manifest, or one without a version', () => {
        expect(() => parseManifest('<Flow/>', 'package.xml')).toThrow(
            'package.xml: expected a Package manifest, found <Flow>.'
        );
        expect(() => parseManifest('<Package/>', 'package.xml')).toThrow(
            'package.xml: the manifest has no <version>.'
        );
        expect(() =>
            parseManifest('<Package>\n<types><members>A</members></types></Package>', 'p.xml')
        ).toThrow('p.xml:2: <types> has no <name>.');
    });
});

describe('membersByType', () => {
    it('groups members by type, both sorted', () => {
        const grouped = membersByType([
            { type: 'Flow', name: 'B' },
            { type: 'CustomField', name: 'Z.b__c' },
            { type: 'Flow', name: 'A' },
            { type: 'CustomField', name: 'Z.a__c' }
        ]);

        expect([...grouped.entries()]).toEqual([
            ['CustomField', ['Z.a__c', 'Z.b__c']],
            ['Flow', ['A', 'B']]
        ]);
    });
});
