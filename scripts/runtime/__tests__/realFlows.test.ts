/**
 * What public projects' record-triggered flows use that the embedded org does not model: each
 * is refused where the flow uses it, with the file and line and "not supported by the embedded
 * org", never as an unknown resource or field. Small flows of our own, written as Flow Builder
 * saves them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject } from '../cli/project';
import { parseScenario, runScenario, runStep } from '../drivers/scenario';
import { ScenarioError } from '../errors';
import { parseFlow } from '../flow';
import { connector, flowXml, org, schema } from './helpers';

const FILE = 'test/Real.flow-meta.xml';

/** The message of the ScenarioError a flow is refused with, place included. */
function refusal(xml: string): string {
    try {
        parseFlow(xml, FILE, schema);
    } catch (error: unknown) {
        if (error instanceof ScenarioError) {
            return error.message;
        }
        throw error;
    }
    throw new Error('the flow was accepted');
}

const start = (object: string, first: string, extra = ''): string =>
    `<object>${object}</object><triggerType>RecordAfterSave</triggerType><recordTriggerType>CreateAndUpdate</recordTriggerType>${connector(first)}${extra}`;

const element = (kind: string, name: string, body: string): string =>
    `<${kind}><name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY>${body}</${kind}>`;

/** Update Records on the triggering Contact, setting Description from a reference. */
const setDescription = (reference: string): string =>
    element(
        'recordUpdates',
        'Set_Description',
        `<inputAssignments><field>Description</field><value><elementReference>${reference}</elementReference></value></inputAssignments><inputReference>$Record</inputReference>`
    );

/** The line of the first occurrence of a text in a flow's XML, as the refusal names it. */
const lineOf = (xml: string, text: string): number =>
    xml.slice(0, xml.indexOf(text)).split('\n').length;

describe('refusals of what real flows use', () => {
    it('refuses a relationship path of a Get Records output as not supported, at its line', () => {
        // The org reads related records through $Record and $Record__Prior only.
        const xml = flowXml(
            start('Contact', 'Get_Contact'),
            element(
                'recordLookups',
                'Get_Contact',
                `<getFirstRecordOnly>true</getFirstRecordOnly><object>Contact</object><storeOutputAutomatically>true</storeOutputAutomatically>${connector('Set_Description')}`
            ) + setDescription('Get_Contact.Account.Name')
        );
        expect(refusal(xml)).toMatch(
            new RegExp(
                `^test/Real\\.flow-meta\\.xml:${lineOf(xml, 'Set_Description</name>')}: "Get_Contact\\.Account\\.Name" follows a relationship.*not supported by the embedded org`
            )
        );
    });

    it('refuses Update Records on a related record ($Record.Account) as a relationship, not as a missing object', () => {
        // Flow Builder's "Update records related to the triggering record" through a lookup
        // writes <inputReference>$Record.Account</inputReference> (example-flows' Make_Recursive).
        const xml = flowXml(
            start('Contact', 'Update_Account'),
            element(
                'recordUpdates',
                'Update_Account',
                '<inputAssignments><field>Description</field><value><stringValue>x</stringValue></value></inputAssignments><inputReference>$Record.Account</inputReference>'
            )
        );
        expect(refusal(xml)).toMatch(
            /^test\/Real\.flow-meta\.xml:\d+: "\$Record\.Account" follows a relationship.*not supported by the embedded org/
        );
    });

    it('refuses $Setup, $User and the other globals it does not model as not supported, naming the global', () => {
        // Global variables in flows (Salesforce Help, "Global Variables in Flows"): $Setup reads
        // a hierarchy custom setting, $User the running user; the embedded org has neither.
        const filtered = flowXml(
            start(
                'Contact',
                'Set_Description',
                '<filterFormula>AND({!$Setup.Shelter_Settings__c.Default_Name__c}, ISNULL({!$Record.Description}))</filterFormula>'
            ),
            setDescription('$Record.LastName')
        );
        expect(refusal(filtered)).toMatch(
            /^test\/Real\.flow-meta\.xml:\d+: "\$Setup\.Shelter_Settings__c\.Default_Name__c" reads the global variable \$Setup, which is not supported by the embedded org/
        );
        expect(
            refusal(flowXml(start('Contact', 'Set_Description'), setDescription('$User.Email')))
        ).toMatch(
            /"\$User\.Email" reads the global variable \$User, which is not supported by the embedded org/
        );
        expect(
            refusal(
                flowXml(start('Contact', 'Set_Description'), setDescription('$Flow.InterviewGuid'))
            )
        ).toMatch(
            /"\$Flow\.InterviewGuid" reads the global variable \$Flow\.InterviewGuid, which is not supported by the embedded org/
        );
    });
});

describe('what real flows compute', () => {
    it('adds days to $Flow.CurrentDateTime and $Flow.CurrentDate in a formula, as Date/Time and Date values', () => {
        // AnimalShelterStarter's Animal_Lost_Found_Animal_Alert: a DateTime formula
        // `{!$Flow.CurrentDateTime} + 30`. $Flow.CurrentDateTime is a Date/Time and
        // $Flow.CurrentDate a Date (Salesforce Help, "Global Variables in Flows"); a number
        // added to either adds that many days (Salesforce Help, "Using Date, Date/Time, and
        // Time Values in Formulas").
        const xml = flowXml(
            '<object>CalendlySyncRun__c</object><triggerType>RecordBeforeSave</triggerType><recordTriggerType>Create</recordTriggerType>' +
                connector('Stamp'),
            element(
                'recordUpdates',
                'Stamp',
                '<inputAssignments><field>EndedAt__c</field><value><elementReference>inThirtyDays</elementReference></value></inputAssignments>' +
                    '<inputAssignments><field>StatusDetail__c</field><value><elementReference>tomorrow</elementReference></value></inputAssignments>' +
                    '<inputReference>$Record</inputReference>'
            ) +
                '<formulas><name>inThirtyDays</name><dataType>DateTime</dataType><expression>{!$Flow.CurrentDateTime} + 30</expression></formulas>' +
                '<formulas><name>tomorrow</name><dataType>String</dataType><expression>TEXT({!$Flow.CurrentDate} + 1)</expression></formulas>'
        );
        const run = schema.object('CalendlySyncRun__c', 'test');
        const embedded = org(
            [parseFlow(xml, FILE, schema)],
            {},
            {
                caseSensitiveText: true,
                now: () => new Date('2026-03-01T09:30:00.000Z')
            }
        );
        const outcome = runStep(embedded, {
            place: 'test step',
            operation: 'insert',
            object: run,
            records: [{}],
            matchBy: schema.field(run, 'Id', 'test'),
            allOrNone: true,
            expect: { ok: true }
        });
        expect(outcome.error).toBeNull();
        const [saved] = embedded.records()['CalendlySyncRun__c'] ?? [];
        expect(saved?.['EndedAt__c']).toBe('2026-03-31T09:30:00.000Z');
        expect(saved?.['StatusDetail__c']).toBe('2026-03-02');
    });
});

describe('custom fields defined on Activity', () => {
    it('a flow on Task reads and filters on a custom field defined on Activity, as Task shares it', () => {
        // Salesforce Help, "Activity Custom Fields": custom fields created for activities are
        // shared by tasks and events. AnimalShelterStarter's Animal_Action_Close_Associated_Task
        // queries Task.Animal_Action__c, defined in objects/Activity/fields.
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'activity-fields-'));
        try {
            const write = (file: string, text: string): void => {
                fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
                fs.writeFileSync(path.join(root, file), text);
            };
            const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
            write(
                'sfdx-project.json',
                '{"packageDirectories":[{"path":"src","default":true}],"sourceApiVersion":"62.0"}'
            );
            write(
                'src/objects/Activity/fields/Ticket__c.field-meta.xml',
                `<?xml version="1.0" encoding="UTF-8"?><CustomField ${ns}><fullName>Ticket__c</fullName><label>Ticket</label><type>Text</type><length>20</length></CustomField>`
            );
            const project = loadProject(root);
            const xml = flowXml(
                '<object>Task</object><triggerType>RecordBeforeSave</triggerType><recordTriggerType>Create</recordTriggerType>' +
                    connector('Stamp') +
                    '<filterLogic>and</filterLogic><filters><field>Ticket__c</field><operator>EqualTo</operator><value><stringValue>T-1</stringValue></value></filters>',
                element(
                    'recordUpdates',
                    'Stamp',
                    '<inputAssignments><field>Subject</field><value><elementReference>$Record.Ticket__c</elementReference></value></inputAssignments><inputReference>$Record</inputReference>'
                )
            );
            const outcome = runScenario(
                parseScenario(
                    JSON.stringify({
                        steps: [
                            {
                                insert: 'Task',
                                records: [{ Ticket__c: 'T-1' }, { Ticket__c: 'T-2' }]
                            }
                        ],
                        expect: {
                            Task: [
                                {
                                    where: { Ticket__c: 'T-1' },
                                    fields: { Subject: 'T-1' },
                                    count: 1
                                },
                                { where: { Ticket__c: 'T-2' }, fields: { Subject: null }, count: 1 }
                            ]
                        }
                    }),
                    'activity.scenario.json',
                    project.schema
                ),
                project.schema,
                [parseFlow(xml, FILE, project.schema)]
            );
            expect(outcome.failures).toEqual([]);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});

describe('relationship paths of the triggering record', () => {
    // Flow Builder lets a record-triggered flow reach the fields of records related to
    // $Record through its lookups (Salesforce Help, "Flow Resource: Triggering Record" and
    // "Cross-Object Field References in Flows"): AnimalShelterStarter's Animal_Ideal_Weight_Update
    // reads $Record.Breed_Lookup__r.Ideal_Minimum_Weight_kgs__c. The platform reads the related
    // record as saved; no SOQL query is counted here [verify in an org: whether such a read
    // counts against the SOQL limits].
    const contactFlow = (): string =>
        flowXml(
            '<object>Contact</object><triggerType>RecordBeforeSave</triggerType><recordTriggerType>CreateAndUpdate</recordTriggerType>' +
                connector('Has_Account'),
            element(
                'decisions',
                'Has_Account',
                '<defaultConnectorLabel>No</defaultConnectorLabel><rules><name>Yes</name><conditionLogic>and</conditionLogic>' +
                    '<conditions><leftValueReference>$Record.Account.Name</leftValueReference><operator>IsNull</operator><rightValue><booleanValue>false</booleanValue></rightValue></conditions>' +
                    connector('Copy') +
                    '<label>Yes</label></rules>'
            ) +
                element(
                    'recordUpdates',
                    'Copy',
                    '<inputAssignments><field>Description</field><value><elementReference>summary</elementReference></value></inputAssignments>' +
                        '<inputAssignments><field>Title</field><value><elementReference>$Record.Account.Parent.Name</elementReference></value></inputAssignments>' +
                        '<inputReference>$Record</inputReference>'
                ) +
                '<formulas><name>summary</name><dataType>String</dataType><expression>{!$Record.Account.Name} &amp; &quot; / &quot; &amp; TEXT({!$Record.Account.NumberOfEmployees} * 2)</expression></formulas>'
        );

    it('reads a parent field, a grandparent field and a parent field in a formula', () => {
        const contact = schema.object('Contact', 'test');
        const outcome = runScenario(
            parseScenario(
                JSON.stringify({
                    data: {
                        Account: [
                            { Id: '001000000000001', Name: 'Holding' },
                            {
                                Id: '001000000000002',
                                Name: 'Acme',
                                NumberOfEmployees: 21,
                                ParentId: '001000000000001'
                            }
                        ]
                    },
                    steps: [
                        {
                            insert: 'Contact',
                            records: [
                                { LastName: 'Ada', AccountId: '001000000000002' },
                                { LastName: 'Bob' }
                            ],
                            expect: { interviews: 2, limits: { soqlQueries: 0, dmlStatements: 1 } }
                        }
                    ],
                    expect: {
                        Contact: [
                            {
                                where: { LastName: 'Ada' },
                                fields: { Description: 'Acme / 42', Title: 'Holding' },
                                count: 1
                            },
                            {
                                where: { LastName: 'Bob' },
                                fields: { Description: null, Title: null },
                                count: 1
                            }
                        ]
                    }
                }),
                'relationship.scenario.json',
                schema
            ),
            schema,
            [parseFlow(contactFlow(), FILE, schema)]
        );
        expect(contact.name).toBe('Contact');
        expect(outcome.failures).toEqual([]);
    });

    it('refuses a path through a field that is not a relationship, and assigning to a related field', () => {
        expect(
            refusal(
                flowXml(
                    '<object>Contact</object><triggerType>RecordAfterSave</triggerType><recordTriggerType>Create</recordTriggerType>' +
                        connector('Set_Description'),
                    setDescription('$Record.LastName.Name')
                )
            )
        ).toMatch(/^test\/Real\.flow-meta\.xml:\d+: .*"LastName" is not a relationship of Contact/);
        expect(
            refusal(
                flowXml(
                    start('Contact', 'A'),
                    element(
                        'assignments',
                        'A',
                        '<assignmentItems><assignToReference>$Record.Account.Name</assignToReference><operator>Assign</operator><value><stringValue>x</stringValue></value></assignmentItems>'
                    )
                )
            )
        ).toMatch(
            /"\$Record\.Account\.Name" follows a relationship to a related record, which is not supported by the embedded org/
        );
    });
});

describe('fields the platform derives on save', () => {
    it('refuses Task.CompletedDateTime and IsClosed, which the platform sets from Status, rather than reading null', () => {
        // Object Reference, Task: CompletedDateTime is "the date and time the task was saved with
        // a Closed status" and IsClosed "Indicates whether the task has been completed"; both
        // read-only, derived from Status. AnimalShelterStarter's
        // Task_Close_associated_Animal_Action copies CompletedDateTime to the animal action.
        for (const field of ['CompletedDateTime', 'IsClosed']) {
            expect(
                refusal(
                    flowXml(
                        '<object>Task</object><triggerType>RecordAfterSave</triggerType><recordTriggerType>Update</recordTriggerType>' +
                            connector('Set_Description'),
                        element(
                            'assignments',
                            'Set_Description',
                            `<assignmentItems><assignToReference>note</assignToReference><operator>Assign</operator><value><elementReference>$Record.${field}</elementReference></value></assignmentItems>`
                        ) +
                            '<variables><name>note</name><dataType>String</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput></variables>'
                    )
                )
            ).toMatch(new RegExp(`Task\\.${field}.*not supported by the embedded org`));
        }
    });
});
