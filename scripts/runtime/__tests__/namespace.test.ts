import { ScenarioError } from '../errors';
import { parseFlow } from '../flow';
import { runStep } from '../drivers/scenario';
import { connector, flowXml, link, org, schema, user } from './helpers';

/**
 * A copy of the template made in an org where the package is installed spells the package's
 * object and fields with its namespace (`cly__Url__c`); the package's source does not. The
 * embedded org reads both, for the project's own namespace only.
 */
describe('names with the project namespace', () => {
    it('resolve to the project objects and fields, whatever their case', () => {
        expect(schema.namespace).toBe('cly');
        const link = schema.findObject('cly__CalendlyLink__c');
        expect(link?.name).toBe('CalendlyLink__c');
        expect(schema.findObject('CLY__calendlylink__C')?.name).toBe('CalendlyLink__c');
        expect(link && schema.findField(link, 'cly__Url__c')?.name).toBe('Url__c');
        const userObject = schema.object('User', 'test');
        expect(schema.findField(userObject, 'cly__Calendly_Link__c')?.name).toBe(
            'Calendly_Link__c'
        );
    });

    it('do not stretch to another namespace or to standard fields', () => {
        const userObject = schema.object('User', 'test');
        expect(schema.findObject('abc__CalendlyLink__c')).toBeUndefined();
        expect(schema.findField(userObject, 'cly__Email')).toBeUndefined();
        expect(() => schema.object('abc__CalendlyLink__c', 'flow.xml:3')).toThrow(ScenarioError);
    });

    it('run in a flow: trigger object, formula merge fields, references, filters and assignments', () => {
        const xml = flowXml(
            `<filterFormula>ISPICKVAL({!$Record.cly__LinkType__c}, "Profile") &amp;&amp; {!$Record.cly__IsActive__c}</filterFormula>
            <object>cly__CalendlyLink__c</object><recordTriggerType>CreateAndUpdate</recordTriggerType>
            <triggerType>RecordAfterSave</triggerType>${connector('Update_Users')}`,
            `<recordUpdates><name>Update_Users</name><label>Update Users</label><locationX>0</locationX><locationY>0</locationY>
                <filterLogic>and</filterLogic>
                <filters><field>Email</field><operator>EqualTo</operator><value><elementReference>$Record.cly__Email__c</elementReference></value></filters>
                <inputAssignments><field>cly__Calendly_Link__c</field><value><elementReference>$Record.cly__Url__c</elementReference></value></inputAssignments>
                <object>User</object></recordUpdates>`
        );
        const flow = parseFlow(xml, 'test/Namespaced.flow-meta.xml', schema);
        const embedded = org([flow], { User: [user('ada')] });
        const outcome = runStep(embedded, {
            place: 'test',
            operation: 'insert',
            object: schema.object('cly__CalendlyLink__c', 'test'),
            records: [link('ada')],
            matchBy: schema.field(schema.object('CalendlyLink__c', 'test'), 'Id', 'test'),
            allOrNone: true,
            expect: { ok: true }
        });
        expect(outcome).toMatchObject({ ok: true, interviews: 1 });
        expect(embedded.records()['User']?.[0]?.['Calendly_Link__c']).toBe(
            'https://calendly.com/ada'
        );
    });

    it('of another namespace are refused with the place in the flow', () => {
        const xml = flowXml(
            `<object>abc__CalendlyLink__c</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordAfterSave</triggerType>`
        );
        expect(() => parseFlow(xml, 'test/Other.flow-meta.xml', schema)).toThrow(
            /^test\/Other\.flow-meta\.xml:\d+: unknown object "abc__CalendlyLink__c"/
        );
    });
});
