import { ScenarioError } from '../errors';
import { compareValues, type ComparisonOptions } from '../flow/conditions';
import { parseFlow, runOrder, type FlowDefinition } from '../flow';
import { runStep, type Step } from '../drivers/scenario';
import type { FieldValues } from '../types';
import { connector, flow, flowXml, link, org, schema, templateFlow, user } from './helpers';

const LINK = schema.object('CalendlyLink__c', 'test');
const USER = schema.object('User', 'test');

const start = (
    object: string,
    trigger: string,
    recordTrigger: string,
    first: string,
    extra = ''
): string =>
    `<object>${object}</object><triggerType>${trigger}</triggerType><recordTriggerType>${recordTrigger}</recordTriggerType>${connector(first)}${extra}`;
const text = (value: string): string => `<value><stringValue>${value}</stringValue></value>`;
const ref = (value: string, tag = 'value'): string =>
    `<${tag}><elementReference>${value}</elementReference></${tag}>`;
const bool = (value: boolean, tag = 'value'): string =>
    `<${tag}><booleanValue>${value}</booleanValue></${tag}>`;
const element = (kind: string, name: string, body: string): string =>
    `<${kind}><name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY>${body}</${kind}>`;
const assign = (
    name: string,
    target: string,
    value: string,
    next = '',
    operator = 'Assign'
): string =>
    element(
        'assignments',
        name,
        `<assignmentItems><assignToReference>${target}</assignToReference><operator>${operator}</operator>${value}</assignmentItems>${next}`
    );
const customError = (name: string, message: string): string =>
    element(
        'customErrors',
        name,
        `<customErrorMessages><errorMessage>${message}</errorMessage><isFieldError>false</isFieldError></customErrorMessages>`
    );
const updateRecord = (name: string, next = ''): string =>
    element('recordUpdates', name, `<inputReference>$Record</inputReference>${next}`);

function step(
    operation: Step['operation'],
    records: FieldValues[],
    object = LINK,
    allOrNone = true
): Step {
    return {
        place: 'test step',
        operation,
        object,
        records,
        matchBy: schema.field(object, 'Id', 'test'),
        allOrNone,
        expect: { ok: true }
    };
}

function parseError(xml: string): string {
    try {
        parseFlow(xml, 'test/Bad.flow-meta.xml', schema);
    } catch (error: unknown) {
        if (error instanceof ScenarioError) {
            return error.message;
        }
        throw error;
    }
    throw new Error('the flow was accepted');
}

describe('loading flow metadata', () => {
    it('reads the shipped template', () => {
        const template = templateFlow();
        expect(template.apiName).toBe('MapUserCalendlyLinkTemplate');
        expect(template.status).toBe('Draft');
        expect(template.start).toMatchObject({
            triggerType: 'RecordAfterSave',
            recordTriggerType: 'CreateAndUpdate'
        });
        expect([...template.elements.keys()]).toHaveLength(9);
    });

    it.each([
        [
            'an unknown field, with its line',
            start('CalendlyLink__c', 'RecordAfterSave', 'Create', 'Get'),
            element(
                'recordLookups',
                'Get',
                '<filters><field>Nope__c</field><operator>EqualTo</operator><value><stringValue>x</stringValue></value></filters><object>User</object><storeOutputAutomatically>true</storeOutputAutomatically>'
            ),
            /^test\/Bad\.flow-meta\.xml:\d+: unknown field "Nope__c" on User/
        ],
        [
            'an unknown object',
            start('Contakt', 'RecordAfterSave', 'Create', 'X'),
            '',
            /unknown object "Contakt"/
        ],
        [
            'an element the runtime does not run',
            start('User', 'RecordAfterSave', 'Create', 'Call'),
            element('actionCalls', 'Call', '<actionName>x</actionName>'),
            /<actionCalls> is not supported by the embedded org/
        ],
        [
            'a child that Flow does not have, kept unknown by the flow model',
            start('User', 'RecordAfterSave', 'Create', 'A'),
            '<sparkles><name>Glitter</name></sparkles>' +
                assign('A', '$Record.LastName', text('y')),
            /^test\/Bad\.flow-meta\.xml:4: <sparkles> is not supported by the embedded org/
        ],
        [
            'a connector to a missing element',
            start('User', 'RecordAfterSave', 'Create', 'Missing'),
            '',
            /the connector goes to "Missing", which is not an element/
        ],
        [
            'a relationship path',
            start('User', 'RecordAfterSave', 'Create', 'A'),
            assign('A', '$Record.LastName', ref('$Record.Profile.Name')),
            /follows a relationship/
        ],
        [
            'an unknown resource',
            start('User', 'RecordAfterSave', 'Create', 'A'),
            assign('A', '$Record.LastName', ref('Nothing')),
            /"Nothing" is not a resource of this flow/
        ],
        [
            'bad condition logic',
            start(
                'User',
                'RecordAfterSave',
                'Create',
                'A',
                '<filterLogic>1 OR 3</filterLogic><filters><field>LastName</field><operator>EqualTo</operator><value><stringValue>x</stringValue></value></filters>'
            ),
            assign('A', '$Record.LastName', text('y')),
            /condition logic "1 OR 3" is not valid for 1 condition/
        ],
        [
            'an unsupported operator',
            start('User', 'RecordAfterSave', 'Create', 'A'),
            assign('A', '$Record.LastName', text('y'), '', 'Multiply'),
            /<operator> is "Multiply"/
        ]
    ])('refuses %s', (_, startXml, body, message) => {
        expect(parseError(flowXml(startXml, body))).toMatch(message);
    });

    it('refuses a file that is not XML, naming the line', () => {
        expect(parseError('<Flow>\n<start>\n</Flow>')).toMatch(/^test\/Bad\.flow-meta\.xml:3: /);
    });
});

describe('entry conditions', () => {
    const marker = (
        name: string,
        startExtra: string,
        recordTrigger = 'CreateAndUpdate',
        trigger = 'RecordBeforeSave'
    ): FlowDefinition =>
        flow(
            name,
            start('CalendlyLink__c', trigger, recordTrigger, 'Mark', startExtra),
            assign('Mark', '$Record.EventTypeSlug__c', text(name))
        );

    it('filter with custom logic, and no interview for a record that does not meet them', () => {
        const filters =
            '<filterLogic>1 AND (2 OR 3)</filterLogic>' +
            `<filters><field>LinkType__c</field><operator>EqualTo</operator>${text('Profile')}</filters>` +
            `<filters><field>Email__c</field><operator>EndsWith</operator>${text('@example.com')}</filters>` +
            `<filters><field>Email__c</field><operator>IsNull</operator>${bool(true)}</filters>`;
        const embedded = org([marker('Filtered', filters)]);
        const outcome = runStep(
            embedded,
            step('insert', [
                link('a'),
                link('b', { Email__c: 'b@other.org' }),
                link('c', { Email__c: null }),
                link('d', { LinkType__c: 'ManagedEvent' })
            ])
        );
        expect(outcome.interviews).toBe(2);
        expect(
            embedded.records()['CalendlyLink__c']?.map((record) => record['EventTypeSlug__c'])
        ).toEqual(['Filtered', null, 'Filtered', null]);
    });

    it('IsChanged is false on create and true when the field changed on update', () => {
        const embedded = org([
            marker(
                'Changed',
                `<filters><field>Url__c</field><operator>IsChanged</operator>${bool(true)}</filters>`
            )
        ]);
        expect(runStep(embedded, step('insert', [link('a')])).interviews).toBe(0);
        const id = embedded.records()['CalendlyLink__c']?.[0]?.['Id'] ?? null;
        expect(runStep(embedded, step('update', [{ Id: id, Name: 'renamed' }])).interviews).toBe(0);
        expect(
            runStep(embedded, step('update', [{ Id: id, Url__c: 'https://calendly.com/new' }]))
                .interviews
        ).toBe(1);
    });

    it('only when a record is updated to meet the conditions: not again while it already met them', () => {
        const condition = `<doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria><filters><field>IsActive__c</field><operator>EqualTo</operator>${bool(false)}</filters>`;
        const embedded = org([marker('Deactivated', condition)], { CalendlyLink__c: [link('a')] });
        const id = embedded.records()['CalendlyLink__c']?.[0]?.['Id'] ?? null;
        expect(runStep(embedded, step('update', [{ Id: id, IsActive__c: false }])).interviews).toBe(
            1
        );
        expect(
            runStep(embedded, step('update', [{ Id: id, Name: 'still inactive' }])).interviews
        ).toBe(0);
        expect(
            runStep(embedded, step('insert', [link('b', { IsActive__c: false })])).interviews
        ).toBe(1);
    });

    it('runs a Create flow on insert only and an Update flow on update only', () => {
        const embedded = org([marker('OnCreate', '', 'Create'), marker('OnUpdate', '', 'Update')]);
        runStep(embedded, step('insert', [link('a')]));
        expect(embedded.records()['CalendlyLink__c']?.[0]?.['EventTypeSlug__c']).toBe('OnCreate');
        const id = embedded.records()['CalendlyLink__c']?.[0]?.['Id'] ?? null;
        runStep(embedded, step('update', [{ Id: id, Name: 'x' }]));
        expect(embedded.records()['CalendlyLink__c']?.[0]?.['EventTypeSlug__c']).toBe('OnUpdate');
    });

    it('runs flows in trigger order, then those without one, ties by name', () => {
        const ordered = (name: string, order?: number): FlowDefinition => ({
            ...marker(name, ''),
            ...(order === undefined ? {} : { triggerOrder: order })
        });
        expect(
            runOrder([
                ordered('C'),
                ordered('B', 1500),
                ordered('A', 10),
                ordered('Z', 10),
                ordered('D')
            ]).map((item) => item.apiName)
        ).toEqual(['A', 'Z', 'C', 'D', 'B']);
    });
});

describe('$Record, $Record__Prior and saves', () => {
    it('$Record__Prior is null on create and the stored record on update', () => {
        const decision = element(
            'decisions',
            'Is_New',
            `<defaultConnector><targetReference>Old</targetReference></defaultConnector><rules><name>New</name><conditionLogic>and</conditionLogic><conditions><leftValueReference>$Record__Prior</leftValueReference><operator>IsNull</operator>${bool(true, 'rightValue')}</conditions>${connector('Fresh')}<label>New</label></rules>`
        );
        const body =
            decision +
            assign('Fresh', '$Record.EventTypeSlug__c', text('new')) +
            assign('Old', '$Record.EventTypeSlug__c', ref('$Record__Prior.Url__c'));
        const embedded = org([
            flow(
                'Prior',
                start('CalendlyLink__c', 'RecordBeforeSave', 'CreateAndUpdate', 'Is_New'),
                body
            )
        ]);
        runStep(embedded, step('insert', [link('a')]));
        expect(embedded.records()['CalendlyLink__c']?.[0]?.['EventTypeSlug__c']).toBe('new');
        const id = embedded.records()['CalendlyLink__c']?.[0]?.['Id'] ?? null;
        runStep(embedded, step('update', [{ Id: id, Url__c: 'https://calendly.com/b' }]));
        expect(embedded.records()['CalendlyLink__c']?.[0]?.['EventTypeSlug__c']).toBe(
            'https://calendly.com/a'
        );
    });

    it('before save: what the flow sets on $Record is saved with the record, without a DML statement', () => {
        const embedded = org([
            flow(
                'Stamp',
                start('CalendlyLink__c', 'RecordBeforeSave', 'Create', 'Set'),
                assign('Set', '$Record.Name', text('Stamped'), connector('Save')) +
                    updateRecord('Save')
            )
        ]);
        const outcome = runStep(embedded, step('insert', [link('a')]));
        expect(outcome.limits).toEqual({
            soqlQueries: 0,
            queryRows: 0,
            dmlStatements: 1,
            dmlRows: 1
        });
        expect(embedded.records()['CalendlyLink__c']?.[0]?.['Name']).toBe('Stamped');
    });

    it('after save: updating the triggering record is a DML that fires its update flows again', () => {
        const stamp = flow(
            'Stamp',
            start('CalendlyLink__c', 'RecordAfterSave', 'Create', 'Set'),
            assign('Set', '$Record.Name', text('Stamped'), connector('Save')) + updateRecord('Save')
        );
        const onUpdate = flow(
            'Count',
            start('CalendlyLink__c', 'RecordBeforeSave', 'Update', 'Mark'),
            assign('Mark', '$Record.EventTypeSlug__c', text('updated'))
        );
        const embedded = org([stamp, onUpdate]);
        const outcome = runStep(embedded, step('insert', [link('a'), link('b')]));
        expect(outcome).toMatchObject({
            ok: true,
            interviews: 4,
            limits: { dmlStatements: 2, dmlRows: 4 }
        });
        expect(
            embedded
                .records()
                ['CalendlyLink__c']?.map(
                    (record) => `${String(record['Name'])}/${String(record['EventTypeSlug__c'])}`
                )
        ).toEqual(['Stamped/updated', 'Stamped/updated']);
    });

    it('after save: a flow that saves its own record on every save fails the step and rolls it back', () => {
        const loop = flow(
            'Loop',
            start('CalendlyLink__c', 'RecordAfterSave', 'CreateAndUpdate', 'Save'),
            updateRecord('Save')
        );
        const embedded = org([loop]);
        const outcome = runStep(embedded, step('insert', [link('a')]));
        expect(outcome.ok).toBe(false);
        expect(outcome.error).toMatch(/Maximum trigger depth exceeded|Too many DML statements/);
        expect(embedded.records()['CalendlyLink__c']).toEqual([]);
    });

    it('after save: DML on another object runs that object\u2019s flows', () => {
        const onUser = flow(
            'UserStamp',
            start('User', 'RecordBeforeSave', 'Update', 'Mark'),
            assign('Mark', '$Record.FirstName', text('Touched'))
        );
        const embedded = org([templateFlow(), onUser], { User: [user('a')] });
        const outcome = runStep(embedded, step('insert', [link('a')]));
        expect(outcome.interviews).toBe(2);
        expect(embedded.records()['User']?.[0]).toMatchObject({
            FirstName: 'Touched',
            Calendly_Link__c: 'https://calendly.com/a'
        });
    });
});

describe('elements', () => {
    const getFirst =
        element(
            'recordLookups',
            'Get_Newest',
            `${connector('Copy')}<filters><field>IsActive</field><operator>EqualTo</operator>${bool(true)}</filters><getFirstRecordOnly>true</getFirstRecordOnly><object>User</object><queriedFields>Id</queriedFields><queriedFields>LastName</queriedFields><sortField>LastName</sortField><sortOrder>Desc</sortOrder><storeOutputAutomatically>true</storeOutputAutomatically>`
        ) + assign('Copy', '$Record.EventTypeName__c', ref('Get_Newest.LastName'));

    it('Get Records: first record only, sorted, stored automatically', () => {
        const embedded = org(
            [
                flow(
                    'First',
                    start('CalendlyLink__c', 'RecordBeforeSave', 'Create', 'Get_Newest'),
                    getFirst
                )
            ],
            { User: [user('ada'), user('zoe'), user('mia'), user('zed', { IsActive: false })] }
        );
        runStep(embedded, step('insert', [link('a')]));
        expect(embedded.records()['CalendlyLink__c']?.[0]?.['EventTypeName__c']).toBe('zoe');
    });

    it('Get Records: reading a field the query did not select is a fault', () => {
        const body = getFirst.replace('<queriedFields>LastName</queriedFields>', '');
        const embedded = org(
            [
                flow(
                    'Unqueried',
                    start('CalendlyLink__c', 'RecordBeforeSave', 'Create', 'Get_Newest'),
                    body
                )
            ],
            { User: [user('ada')] }
        );
        expect(runStep(embedded, step('insert', [link('a')])).error).toContain(
            'SObject row was retrieved via SOQL without querying the requested field: User.LastName'
        );
    });

    it('Get Records into a variable: nothing found keeps the value unless null values are assigned', () => {
        const lookup = (assignNull: boolean): string =>
            element(
                'recordLookups',
                'Find',
                `<assignNullValuesIfNoRecordsFound>${assignNull}</assignNullValuesIfNoRecordsFound>${connector('Copy')}<filters><field>Email</field><operator>EqualTo</operator>${ref('$Record.Email__c')}</filters><getFirstRecordOnly>true</getFirstRecordOnly><object>User</object><outputReference>Found</outputReference><queriedFields>Id</queriedFields><queriedFields>LastName</queriedFields>`
            ) + assign('Copy', '$Record.EventTypeName__c', ref('Found.LastName'));
        const variable = `<variables><name>Found</name><dataType>SObject</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput><objectType>User</objectType></variables>`;
        for (const assignNull of [false, true]) {
            const embedded = org(
                [
                    flow(
                        'Into',
                        start('CalendlyLink__c', 'RecordBeforeSave', 'Create', 'Find'),
                        lookup(assignNull),
                        variable
                    )
                ],
                { User: [user('ada')] }
            );
            runStep(embedded, step('insert', [link('ada'), link('nobody')]));
            expect(
                embedded.records()['CalendlyLink__c']?.map((record) => record['EventTypeName__c'])
            ).toEqual(['ada', null]);
        }
    });

    it('Create Records with fields, storing the new Id; Delete Records by filters; text templates and constants', () => {
        const body =
            element(
                'recordCreates',
                'Create_Link',
                `${connector('Keep')}<inputAssignments><field>Name</field>${text('child')}</inputAssignments><inputAssignments><field>Url__c</field>${ref('$Record.Url__c')}</inputAssignments><inputAssignments><field>CalendlyUri__c</field>${ref('$Record.Email__c')}</inputAssignments><inputAssignments><field>LinkType__c</field>${text('ManagedEvent')}</inputAssignments><object>CalendlyLink__c</object><storeOutputAutomatically>true</storeOutputAutomatically>`
            ) +
            assign('Keep', 'NewId', ref('Create_Link'), connector('Delete_Others')) +
            element(
                'recordDeletes',
                'Delete_Others',
                `${connector('Show')}<filters><field>Email__c</field><operator>EqualTo</operator>${text('old@example.com')}</filters><object>CalendlyLink__c</object>`
            ) +
            `<textTemplates><name>Summary</name><isViewedAsPlainText>true</isViewedAsPlainText><text>{!Prefix} {!NewId}</text></textTemplates>` +
            `<constants><name>Prefix</name><dataType>String</dataType>${text('created')}</constants>` +
            `<variables><name>NewId</name><dataType>String</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput></variables>` +
            element(
                'recordUpdates',
                'Show',
                `<filters><field>Id</field><operator>EqualTo</operator>${ref('$Record.Id')}</filters><inputAssignments><field>EventTypeName__c</field>${ref('Summary')}</inputAssignments><object>CalendlyLink__c</object>`
            );
        const embedded = org(
            [
                flow(
                    'Create',
                    start(
                        'CalendlyLink__c',
                        'RecordAfterSave',
                        'Create',
                        'Create_Link',
                        `<filters><field>Name</field><operator>EqualTo</operator>${text('new')}</filters>`
                    ),
                    body
                )
            ],
            { CalendlyLink__c: [link('old')] }
        );
        const outcome = runStep(embedded, step('insert', [link('new')]));
        expect(outcome.error).toBeNull();
        expect(outcome).toMatchObject({
            ok: true,
            interviews: 1,
            limits: { soqlQueries: 2, dmlStatements: 4, dmlRows: 4 }
        });
        const links = embedded.records()['CalendlyLink__c'] ?? [];
        expect(links.map((record) => record['Name'])).toEqual(['new', 'child']);
        expect(links[0]?.['EventTypeName__c']).toBe(`created ${String(links[1]?.['Id'])}`);
    });

    it('an Assignment builds a record in an empty record variable, and Create Records saves it', () => {
        const items = [
            ['NewLink.Name', text('child')],
            ['NewLink.Url__c', ref('$Record.Url__c')],
            ['NewLink.CalendlyUri__c', ref('$Record.Email__c')],
            ['NewLink.LinkType__c', text('ManagedEvent')]
        ]
            .map(
                ([target, value]) =>
                    `<assignmentItems><assignToReference>${target}</assignToReference><operator>Assign</operator>${value}</assignmentItems>`
            )
            .join('');
        const body =
            element('assignments', 'Build', `${items}${connector('Create_Link')}`) +
            element('recordCreates', 'Create_Link', `<inputReference>NewLink</inputReference>`);
        const variable = `<variables><name>NewLink</name><dataType>SObject</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput><objectType>CalendlyLink__c</objectType></variables>`;
        const embedded = org([
            flow(
                'Build',
                start(
                    'CalendlyLink__c',
                    'RecordAfterSave',
                    'Create',
                    'Build',
                    `<filters><field>Name</field><operator>EqualTo</operator>${text('new')}</filters>`
                ),
                body,
                variable
            )
        ]);
        const outcome = runStep(embedded, step('insert', [link('new')]));
        expect(outcome.error).toBeNull();
        expect(outcome).toMatchObject({ ok: true, interviews: 1, limits: { dmlStatements: 2 } });
        const links = embedded.records()['CalendlyLink__c'] ?? [];
        expect(links.map((record) => record['Name'])).toEqual(['new', 'child']);
        expect(links[1]).toMatchObject({
            Url__c: links[0]?.['Url__c'],
            CalendlyUri__c: links[0]?.['Email__c'],
            LinkType__c: 'ManagedEvent'
        });
    });

    it('an Assignment to a field of a Get Records result that found nothing still faults', () => {
        const body =
            element(
                'recordLookups',
                'Find',
                `${connector('Set')}<filters><field>Email</field><operator>EqualTo</operator>${text('nobody@example.com')}</filters><getFirstRecordOnly>true</getFirstRecordOnly><object>User</object><queriedFields>Id</queriedFields><storeOutputAutomatically>true</storeOutputAutomatically>`
            ) + assign('Set', 'Find.LastName', text('x'));
        const embedded = org([
            flow('Missing', start('CalendlyLink__c', 'RecordAfterSave', 'Create', 'Find'), body)
        ]);
        const outcome = runStep(embedded, step('insert', [link('a')]));
        expect(outcome.error).toContain('CANNOT_EXECUTE_FLOW_TRIGGER');
    });

    it('a fault connector catches a fault and sets $Flow.FaultMessage; the custom error fails the record', () => {
        const body =
            element(
                'recordCreates',
                'Create_Bad',
                `${connector('Done')}<faultConnector><targetReference>Report</targetReference></faultConnector><inputAssignments><field>Email</field>${ref('$Record.Email__c')}</inputAssignments><object>User</object>`
            ) +
            customError('Report', 'Could not create: {!$Flow.FaultMessage}') +
            assign('Done', 'Unused', text('x'));
        const variable = `<variables><name>Unused</name><dataType>String</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput></variables>`;
        const embedded = org([
            flow(
                'Fault',
                start('CalendlyLink__c', 'RecordAfterSave', 'Create', 'Create_Bad'),
                body,
                variable
            )
        ]);
        const outcome = runStep(embedded, step('insert', [link('a')]));
        expect(outcome.error).toContain(
            'FIELD_CUSTOM_VALIDATION_EXCEPTION, Could not create: This error occurred when the flow tried to insert records: REQUIRED_FIELD_MISSING: Required fields are missing: [Username]'
        );
        expect(embedded.records()['CalendlyLink__c']).toEqual([]);
    });

    it('a fault without a fault connector fails the triggering save', () => {
        const body = element(
            'recordCreates',
            'Create_Bad',
            `<inputAssignments><field>Email</field>${ref('$Record.Email__c')}</inputAssignments><object>User</object>`
        );
        const embedded = org([
            flow(
                'Unhandled',
                start('CalendlyLink__c', 'RecordAfterSave', 'Create', 'Create_Bad'),
                body
            )
        ]);
        const outcome = runStep(embedded, step('insert', [link('a'), link('b')], LINK, false));
        expect(outcome.error).toContain(
            '2 of 2 record(s) failed; first: row 0: CANNOT_EXECUTE_FLOW_TRIGGER, We can\'t save this record because the "Test Flow" process failed.'
        );
    });

    it('interviews of a chunk share one query per element; a query in a loop runs once per iteration', () => {
        const body =
            element(
                'recordLookups',
                'Get_Users',
                `${connector('Each')}<filters><field>Email</field><operator>EqualTo</operator>${ref('$Record.Email__c')}</filters><getFirstRecordOnly>false</getFirstRecordOnly><object>User</object><queriedFields>Id</queriedFields><storeOutputAutomatically>true</storeOutputAutomatically>`
            ) +
            element(
                'loops',
                'Each',
                `<collectionReference>Get_Users</collectionReference><iterationOrder>Asc</iterationOrder><nextValueConnector><targetReference>Get_Again</targetReference></nextValueConnector>`
            ) +
            element(
                'recordLookups',
                'Get_Again',
                `${connector('Each')}<filters><field>Id</field><operator>EqualTo</operator>${ref('Each.Id')}</filters><getFirstRecordOnly>true</getFirstRecordOnly><object>User</object><queriedFields>Id</queriedFields><storeOutputAutomatically>true</storeOutputAutomatically>`
            );
        const embedded = org(
            [
                flow(
                    'Bulk',
                    start('CalendlyLink__c', 'RecordAfterSave', 'Create', 'Get_Users'),
                    body
                )
            ],
            {
                User: [user('a'), user('a', { Username: 'a2@x.test' }), user('b')]
            }
        );
        const outcome = runStep(embedded, step('insert', [link('a'), link('b'), link('c')]));
        // One query for the three interviews (3 rows); then the loop: "a" and "b" together (2 rows), "a" again (1 row).
        expect(outcome).toMatchObject({
            ok: true,
            interviews: 3,
            limits: { soqlQueries: 3, queryRows: 3 + 2 + 1 }
        });
    });

    it('two interviews writing the same record save it once, with the values of the last', () => {
        const embedded = org([templateFlow()], { User: [user('ada')] });
        const outcome = runStep(
            embedded,
            step('insert', [
                link('ada', { Url__c: 'https://calendly.com/first' }),
                link('ADA', { Url__c: 'https://calendly.com/second', Email__c: 'ADA@example.com' })
            ])
        );
        expect(outcome).toMatchObject({
            ok: true,
            interviews: 2,
            limits: { dmlStatements: 2, dmlRows: 3 }
        });
        expect(embedded.records()['User']?.[0]?.['Calendly_Link__c']).toBe(
            'https://calendly.com/second'
        );
    });

    it('Loop with Assign on the current item and Add to a collection, then one update by reference (the template)', () => {
        const embedded = org([templateFlow()], {
            User: [user('ada'), user('ada', { Username: 'ada2@x.test' })]
        });
        const outcome = runStep(embedded, step('insert', [link('ada')]));
        expect(outcome.limits).toEqual({
            soqlQueries: 1,
            queryRows: 2,
            dmlStatements: 2,
            dmlRows: 3
        });
        expect(embedded.records()['User']?.map((record) => record['Calendly_Link__c'])).toEqual([
            'https://calendly.com/ada',
            'https://calendly.com/ada'
        ]);
        expect(USER.name).toBe('User');
    });
});

describe('decision operators', () => {
    const sensitive: ComparisonOptions = { caseSensitiveText: true };
    const insensitive: ComparisonOptions = { caseSensitiveText: false };

    it('EqualTo and NotEqualTo: text by case unless configured, null equal to empty text, records by Id', () => {
        expect(compareValues('EqualTo', 'Ada', 'ada', sensitive)).toBe(false);
        expect(compareValues('EqualTo', 'Ada', 'ada', insensitive)).toBe(true);
        expect(compareValues('EqualTo', null, '', sensitive)).toBe(true);
        expect(compareValues('NotEqualTo', 'x', '', sensitive)).toBe(true);
        expect(compareValues('EqualTo', null, false, sensitive)).toBe(false);
        expect(
            compareValues('EqualTo', { sobjectType: 'User', fields: { Id: 'a' } }, 'a', sensitive)
        ).toBe(true);
    });

    it('IsNull, IsBlank and IsEmpty', () => {
        expect(compareValues('IsNull', null, true, sensitive)).toBe(true);
        expect(compareValues('IsNull', [], true, sensitive)).toBe(false);
        expect(compareValues('IsBlank', '  ', true, sensitive)).toBe(true);
        expect(compareValues('IsEmpty', [], true, sensitive)).toBe(true);
        expect(compareValues('IsNull', 'x', false, sensitive)).toBe(true);
    });

    it('Contains, StartsWith, EndsWith, GreaterThan, LessThan, In and NotIn', () => {
        expect(compareValues('Contains', 'calendly.com/ada', 'ada', sensitive)).toBe(true);
        expect(compareValues('Contains', ['a', 'b'], 'b', sensitive)).toBe(true);
        expect(compareValues('StartsWith', 'https://calendly.com', 'https://', sensitive)).toBe(
            true
        );
        expect(compareValues('StartsWith', null, '', sensitive)).toBe(false);
        expect(compareValues('EndsWith', 'a.invalid', '.invalid', sensitive)).toBe(true);
        expect(compareValues('GreaterThan', 3, 2, sensitive)).toBe(true);
        expect(compareValues('LessThan', '2024-01-01', '2025-01-01', sensitive)).toBe(true);
        expect(compareValues('GreaterThan', null, 2, sensitive)).toBe(false);
        expect(compareValues('In', 'b', ['a', 'b'], sensitive)).toBe(true);
        expect(compareValues('NotIn', 'c', ['a', 'b'], sensitive)).toBe(true);
    });
});
