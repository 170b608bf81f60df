import { loadStandardCatalogue } from '../../project/catalogue';
import { objectKind } from '../../project/objects';
import { ScenarioError } from '../errors';
import { parseFlow, type FlowDefinition } from '../flow';
import { parseScenario, runScenario, type ScenarioOutcome } from '../drivers/scenario';
import { loadSchema } from '../schema';
import { HELD_OBJECT_RULES } from '../schema/rules';
import { connector, flowXml } from './helpers';

/**
 * The standard objects of the catalogue and the project's platform events in the embedded org:
 * held once a flow or scenario names them, created only where the org has rules for them.
 */

const OBJECTS = 'force-app/main/default/objects';
/** A project with one platform event of its own, and Salesforce's standard objects. */
const schema = loadSchema([
    {
        path: `${OBJECTS}/Ping__e/Ping__e.object-meta.xml`,
        content: `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <eventType>HighVolume</eventType>
    <label>Ping</label>
    <pluralLabel>Pings</pluralLabel>
    <publishBehavior>PublishAfterCommit</publishBehavior>
</CustomObject>`
    },
    {
        path: `${OBJECTS}/Ping__e/fields/Message__c.field-meta.xml`,
        content: `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Message__c</fullName>
    <label>Message</label>
    <length>255</length>
    <required>false</required>
    <type>Text</type>
    <unique>false</unique>
</CustomField>`
    }
]);

const text = (value: string): string => `<value><stringValue>${value}</stringValue></value>`;
const element = (kind: string, name: string, body: string): string =>
    `<${kind}><name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY>${body}</${kind}>`;
const start = (object: string, trigger: string, first: string): string =>
    `<object>${object}</object><triggerType>${trigger}</triggerType><recordTriggerType>Create</recordTriggerType>${connector(first)}`;

function flow(name: string, xml: string): FlowDefinition {
    return parseFlow(xml, `test/${name}.flow-meta.xml`, schema);
}

function run(json: object, flows: readonly FlowDefinition[] = []): ScenarioOutcome {
    return runScenario(
        parseScenario(JSON.stringify(json), 'inline.scenario.json', schema),
        schema,
        flows
    );
}

function refusal(body: () => unknown): string {
    try {
        body();
    } catch (error: unknown) {
        if (error instanceof ScenarioError) {
            return error.message;
        }
        throw error;
    }
    throw new Error('accepted');
}

/** A flow on Case whose only element creates a record of `object`, at line 4 of its file. */
const creating = (object: string): string =>
    flowXml(
        start('Case', 'RecordAfterSave', 'Create_It'),
        element('recordCreates', 'Create_It', `<object>${object}</object>`)
    );

describe('standard objects of the catalogue', () => {
    it('runs a before-save flow on Account, with Account Ids of its documented key prefix', () => {
        const describeIt = flow(
            'Describe_Account',
            flowXml(
                start('Account', 'RecordBeforeSave', 'Set_Description'),
                element(
                    'assignments',
                    'Set_Description',
                    `<assignmentItems><assignToReference>$Record.Description</assignToReference><operator>Assign</operator>${text('set by the flow')}</assignmentItems>`
                )
            )
        );
        const outcome = run(
            {
                steps: [{ insert: 'Account', records: [{ Name: 'Acme' }] }],
                expect: {
                    Account: [
                        { where: { Name: 'Acme' }, fields: { Description: 'set by the flow' } }
                    ]
                }
            },
            [describeIt]
        );
        expect(outcome.failures).toEqual([]);
        expect(String(outcome.data['Account']?.[0]?.['Id'])).toMatch(/^001/);
    });

    it('refuses an Account without its required Name, as the platform does', () => {
        const outcome = run({ steps: [{ insert: 'Account', records: [{ Description: 'x' }] }] });
        expect(outcome.steps[0]?.error).toContain('REQUIRED_FIELD_MISSING');
    });

    it('runs an after-save flow on Case that updates a Task, with the defaults of both', () => {
        const closeTasks = flow(
            'Close_Tasks',
            flowXml(
                start('Case', 'RecordAfterSave', 'Close_Task'),
                element(
                    'recordUpdates',
                    'Close_Task',
                    `<filterLogic>and</filterLogic><filters><field>Subject</field><operator>EqualTo</operator>${text('Call back')}</filters>` +
                        `<inputAssignments><field>Status</field>${text('Completed')}</inputAssignments><object>Task</object>`
                )
            )
        );
        const outcome = run(
            {
                data: { Task: [{ Subject: 'Call back' }, { Subject: 'Other' }] },
                steps: [{ insert: 'Case', records: [{ Subject: 'Broken' }] }],
                expect: {
                    Case: [{ where: { Subject: 'Broken' }, fields: { Status: 'New' } }],
                    Task: [
                        { where: { Subject: 'Call back' }, fields: { Status: 'Completed' } },
                        {
                            where: { Subject: 'Other' },
                            fields: { Status: 'Not Started', Priority: 'Normal' }
                        }
                    ]
                }
            },
            [closeTasks]
        );
        expect(outcome.failures).toEqual([]);
    });

    it('reads and updates records of a standard object it has no rule for', () => {
        const outcome = run({
            data: { Campaign: [{ Name: 'Spring' }] },
            steps: [
                {
                    update: 'Campaign',
                    matchBy: 'Name',
                    records: [{ Name: 'Spring', IsActive: true }]
                }
            ],
            expect: { Campaign: [{ where: { Name: 'Spring' }, fields: { IsActive: true } }] }
        });
        expect(outcome.failures).toEqual([]);
        expect(String(outcome.data['Campaign']?.[0]?.['Id'])).toMatch(/^701/);
    });

    it('gives every standard object of the catalogue a key prefix of its own', () => {
        const standard = loadStandardCatalogue()
            .sobjectNames()
            // The setup objects are held only in the Apex org.
            .filter(
                (name) =>
                    objectKind(name) === 'standard' && HELD_OBJECT_RULES[name]?.setupOnly !== true
            );
        const held = standard.flatMap((name) => schema.findObject(name) ?? []);
        expect(held).toHaveLength(standard.length);
        const prefixes = schema.objects.map((object) => object.keyPrefix);
        expect(prefixes.filter((prefix) => /^[0-9A-Za-z]{3}$/.test(prefix))).toHaveLength(
            prefixes.length
        );
        expect(new Set(prefixes).size).toBe(prefixes.length);
    });

    it('refuses to create records of a standard object it has no rule for, where a run does', () => {
        const unsupported =
            'creating Campaign records is not supported by the embedded org: it does not know which Campaign fields a create requires';
        expect(
            refusal(() =>
                parseScenario(
                    JSON.stringify({
                        steps: [{ insert: 'Campaign', records: [{ Name: 'Spring' }] }]
                    }),
                    'bad.scenario.json',
                    schema
                )
            )
        ).toContain(`bad.scenario.json: steps[0].insert: ${unsupported}`);
        expect(refusal(() => flow('Create_Campaign', creating('Campaign')))).toContain(
            `test/Create_Campaign.flow-meta.xml:4: ${unsupported}`
        );
    });

    it('refuses a Create Records element that publishes a platform event, at its line', () => {
        expect(refusal(() => flow('Publish', creating('Ping__e')))).toBe(
            'test/Publish.flow-meta.xml:4: publishing Ping__e (creating a platform event message) is not supported by the embedded org: it has no event bus that publishes the message immediately or after commit and delivers it to its subscribers. Leave the publishing element out of the run, or test it in an org.'
        );
    });

    it('refuses a Create Records element that creates the records of an sObject variable of an object it does not create', () => {
        const xml = flowXml(
            start('Case', 'RecordAfterSave', 'Create_It'),
            element('recordCreates', 'Create_It', '<inputReference>newEvents</inputReference>'),
            '<variables><name>newEvents</name><dataType>SObject</dataType><isCollection>true</isCollection><isInput>false</isInput><isOutput>false</isOutput><objectType>Event</objectType></variables>'
        );
        expect(refusal(() => flow('Create_Events', xml))).toContain(
            'test/Create_Events.flow-meta.xml:4: creating Event records is not supported by the embedded org'
        );
    });
});
