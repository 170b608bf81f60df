import * as fs from 'node:fs';
import * as path from 'node:path';
import { MetadataSchema } from '../../../schema';
import { copyOfProject, REPOSITORY_ROOT } from '../../../shared/testProject';
import { parseXml } from '../../../xml/parse';
import { Project } from '../../project';
import {
    FLOW_NODE_KINDS,
    FLOW_PROPERTY_KINDS,
    FLOW_RESOURCE_KINDS,
    FlowModel,
    readFlows,
    type FlowElementModel
} from '..';
import { UNNAMED_SETTINGS } from '../vocabulary';

const schema = MetadataSchema.load();
const TEMPLATE_FILE = 'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';

function model(xml: string, file = 'force-app/main/default/flows/Small.flow-meta.xml'): FlowModel {
    return new FlowModel(parseXml(xml, file), file, schema);
}

/** A flow from its children, one per line from line 3 on. */
function flowXml(...children: string[]): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Flow xmlns="http://soap.sforce.com/2006/04/metadata">',
        ...children,
        '</Flow>'
    ].join('\n');
}

const template = model(
    fs.readFileSync(path.join(REPOSITORY_ROOT, TEMPLATE_FILE), 'utf8'),
    TEMPLATE_FILE
);

const element = <K extends FlowElementModel['kind']>(
    flow: FlowModel,
    name: string,
    kind: K
): Extract<FlowElementModel, { kind: K }> => {
    const found = flow.element(name);
    if (found?.kind !== kind) {
        throw new Error(`no ${kind} ${name}`);
    }
    return found as Extract<FlowElementModel, { kind: K }>;
};

describe('the shipped template', () => {
    it('reads what the flow is and how it starts', () => {
        expect(template).toMatchObject({
            apiName: 'MapUserCalendlyLinkTemplate',
            line: 2,
            apiVersion: '66.0',
            label: 'Map User Calendly Link Template',
            processType: 'AutoLaunchedFlow',
            status: 'Draft',
            isTemplate: true,
            triggerOrder: 500,
            runInMode: undefined
        });
        expect(template.start).toMatchObject({
            path: 'Flow.start',
            object: { text: 'CalendlyLink__c', path: 'Flow.start.object' },
            triggerType: { text: 'RecordAfterSave' },
            recordTriggerType: { text: 'CreateAndUpdate' },
            filters: [],
            doesRequireRecordChangedToMeetCriteria: false,
            connector: { kind: 'connector', from: 'start', target: 'Decide_Link_Change' },
            scheduledPaths: []
        });
        expect(template.start?.filterFormula?.text).toMatch(
            /^ISPICKVAL\(\{!\$Record\.LinkType__c\}/
        );
        expect(template.startTargets()).toEqual(['Decide_Link_Change']);
        expect(template.unknown).toEqual([]);
    });

    it('reads every element and resource in document order, with its kind and place', () => {
        expect(template.elements.map((part) => [part.kind, part.name?.text])).toEqual([
            ['assignments', 'Assign_Link_To_User'],
            ['customErrors', 'Report_Mapping_Error'],
            ['decisions', 'Decide_Link_Change'],
            ['decisions', 'Decide_Users_Found'],
            ['loops', 'Loop_Matching_Users'],
            ['recordLookups', 'Get_Users_With_Link_Email'],
            ['recordUpdates', 'Clear_Link_From_Users'],
            ['recordUpdates', 'Clear_Previous_Link_From_Users'],
            ['recordUpdates', 'Update_Matching_Users']
        ]);
        expect(template.resources.map((part) => [part.kind, part.name?.text])).toEqual([
            ['formulas', 'SandboxEmail'],
            ['variables', 'UsersToUpdate']
        ]);
        expect(template.element('decide_link_change')).toMatchObject({
            line: 39,
            path: 'Flow.decisions[Decide_Link_Change]',
            label: 'Link Active or Deactivated?'
        });
    });

    it('reads the parts of decisions, lookups and updates', () => {
        const decision = element(template, 'Decide_Link_Change', 'decisions');
        expect(decision.rules.map((rule) => rule.name?.text)).toEqual([
            'Link_Was_Deactivated',
            'Link_Value_Changed',
            'Link_Is_Active'
        ]);
        expect(decision.rules[1]).toMatchObject({
            conditionLogic: '1 AND (2 OR 3)',
            connector: { from: 'Decide_Link_Change', target: 'Clear_Previous_Link_From_Users' }
        });
        expect(decision.rules[1]?.conditions[1]).toMatchObject({
            leftValueReference: { text: '$Record.Url__c' },
            operator: { text: 'IsChanged' },
            rightValue: { holders: [{ kind: 'booleanValue', text: 'true' }] }
        });
        const lookup = element(template, 'Get_Users_With_Link_Email', 'recordLookups');
        expect(lookup).toMatchObject({
            object: { text: 'User' },
            filterLogic: '1 AND (2 OR 3)',
            getFirstRecordOnly: false,
            storeOutputAutomatically: true,
            assignNullValuesIfNoRecordsFound: false,
            faultConnector: { kind: 'faultConnector', target: 'Report_Mapping_Error' }
        });
        expect(lookup.filters.map((filter) => filter.field?.text)).toEqual([
            'IsActive',
            'Email',
            'Email'
        ]);
        expect(lookup.queriedFields.map((field) => field.path)).toEqual([
            'Flow.recordLookups[Get_Users_With_Link_Email].queriedFields[0]',
            'Flow.recordLookups[Get_Users_With_Link_Email].queriedFields[1]'
        ]);
        expect(lookup.records?.fields.map((field) => field.text)).toEqual([
            'IsActive',
            'Email',
            'Email',
            'Id',
            'Calendly_Link__c'
        ]);
        expect(element(template, 'Update_Matching_Users', 'recordUpdates')).toMatchObject({
            inputReference: { text: 'UsersToUpdate' },
            filters: [],
            inputAssignments: []
        });
        expect(template.resources.find((part) => part.kind === 'variables')).toMatchObject({
            dataType: { text: 'SObject' },
            objectType: { text: 'User' },
            isCollection: true
        });
    });

    it('finds every reference and merge field, with its line and element path', () => {
        expect(template.references).toContainEqual({
            reference: '$Flow.FaultMessage',
            line: 35,
            path: 'Flow.customErrors[Report_Mapping_Error].customErrorMessages.errorMessage'
        });
        expect(template.references).toContainEqual({
            reference: '$Record.Name',
            line: 144,
            path: 'Flow.interviewLabel'
        });
        expect(template.references.filter((item) => item.path.endsWith('.description'))).toEqual(
            []
        );
    });

    it('finds every connector and what the names hold', () => {
        expect(
            template.connections.filter((connection) => connection.kind === 'faultConnector')
        ).toHaveLength(4);
        expect(template.nodes.size).toBe(9);
        expect(template.recordObject('loop_matching_users')).toBe('User');
        expect(template.recordObject('UsersToUpdate')).toBe('User');
        expect(template.recordObject('SandboxEmail')).toBeUndefined();
        expect(template.names.get('link_is_active')).toMatchObject({
            kind: 'rules',
            path: 'Flow.decisions[Decide_Link_Change].rules[Link_Is_Active]'
        });
    });
});

describe('a flow with what the model keeps whole', () => {
    const flow = model(
        flowXml(
            '<actionCalls><name>Send</name><label>Send</label><locationX>0</locationX><locationY>0</locationY>',
            '<connector><targetReference>Ask</targetReference></connector>',
            '<faultConnector><targetReference>Gone</targetReference></faultConnector>',
            '<inputParameters><name>body</name><value><stringValue>Hi {!Greeting} {! $User.Email }</stringValue></value></inputParameters>',
            '</actionCalls>',
            '<description>Says {!Nothing} in prose</description>',
            '<processMetadataValues><name>BuilderType</name><value><elementReference>Ignored</elementReference></value></processMetadataValues>',
            '<screens><name>Ask</name><label>Ask</label><locationX>0</locationX><locationY>0</locationY>',
            '<fields><name>Send</name><fieldText>Shadowed by the action</fieldText><fieldType>DisplayText</fieldType></fields>',
            '<fields><name>Answer</name><fieldType>InputField</fieldType></fields>',
            '</screens>',
            '<sparkles><name>Glitter</name></sparkles>',
            '<startElementReference> Send </startElementReference>',
            '<textTemplates><name> Greeting </name><text>  Hello  </text></textTemplates>'
        )
    );

    it('keeps an element it does not read part by part, with its place and connectors', () => {
        expect(flow.element('Send')).toMatchObject({
            kind: 'actionCalls',
            line: 3,
            path: 'Flow.actionCalls[Send]',
            connector: { target: 'Ask', line: 4 }
        });
        expect(flow.connections.map((connection) => [connection.kind, connection.target])).toEqual([
            ['connector', 'Ask'],
            ['faultConnector', 'Gone']
        ]);
    });

    it('keeps a child Flow does not have as unknown, with its line', () => {
        expect(flow.unknown).toEqual([
            { tag: 'sparkles', line: 14, path: 'Flow.sparkles[Glitter]' }
        ]);
        expect(flow.children.map((child) => child.category)).toEqual([
            'element',
            'property',
            'property',
            'element',
            'unknown',
            'property',
            'resource'
        ]);
    });

    it('finds references in values and text, trimmed, but not in prose or builder settings', () => {
        expect(flow.references).toEqual([
            {
                reference: 'Greeting',
                line: 6,
                path: 'Flow.actionCalls[Send].inputParameters[body].value.stringValue'
            },
            {
                reference: '$User.Email',
                line: 6,
                path: 'Flow.actionCalls[Send].inputParameters[body].value.stringValue'
            }
        ]);
    });

    it('names elements, resources and named parts; an element wins over a part of the same name', () => {
        expect([...flow.names.keys()]).toEqual(['send', 'ask', 'answer', 'glitter', 'greeting']);
        expect(flow.names.get('send')?.kind).toBe('actionCalls');
        expect(flow.names.get('answer')).toMatchObject({
            kind: 'fields',
            path: 'Flow.screens[Ask].fields[Answer]'
        });
        expect([...flow.nodes.keys()]).toEqual(['send', 'ask']);
        expect(flow.startTargets()).toEqual(['Send']);
    });

    it('trims names but keeps text as written', () => {
        expect(flow.resources[0]).toMatchObject({
            kind: 'textTemplates',
            name: { text: 'Greeting' },
            text: { text: '  Hello  ' }
        });
    });
});

describe('record elements and entry conditions', () => {
    const flow = model(
        flowXml(
            '<dynamicChoiceSets><name>Users</name><dataType>String</dataType><displayField>Name</displayField><object>User</object><picklistField>Kind__c</picklistField><picklistObject>Link__c</picklistObject></dynamicChoiceSets>',
            '<processType>AutoLaunchedFlow</processType>',
            '<recordCreates><name>Make</name><label>Make</label><locationX>0</locationX><locationY>0</locationY>',
            '<inputAssignments><field>LastName</field><value><elementReference>$Record.Name</elementReference></value></inputAssignments>',
            '<object>User</object><storeOutputAutomatically>true</storeOutputAutomatically></recordCreates>',
            '<start><locationX>0</locationX><locationY>0</locationY>',
            '<connector><targetReference>Make</targetReference></connector>',
            '<filterLogic>or</filterLogic>',
            '<filters><field>Url__c</field><operator>IsChanged</operator><value><booleanValue>true</booleanValue></value></filters>',
            '<object>Link__c</object><recordTriggerType>Update</recordTriggerType>',
            '<scheduledPaths><name>Later</name><connector><targetReference>Make</targetReference></connector><recordField>Due__c</recordField></scheduledPaths>',
            '<triggerType>RecordAfterSave</triggerType><doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria></start>',
            '<status>Active</status>',
            '<triggerOrder>0</triggerOrder>'
        )
    );

    it('reads the start: object, trigger, filters, logic and scheduled paths', () => {
        expect(flow.start).toMatchObject({
            object: { text: 'Link__c' },
            recordTriggerType: { text: 'Update' },
            filterLogic: 'or',
            filters: [{ field: { text: 'Url__c' }, operator: { text: 'IsChanged' } }],
            doesRequireRecordChangedToMeetCriteria: true,
            scheduledPaths: [{ name: { text: 'Later' }, recordField: { text: 'Due__c' } }]
        });
        expect(flow.triggerOrder).toBe(0);
        expect(flow.startTargets()).toEqual(['Make', 'Make']);
    });

    it('reads the object and fields of record elements and dynamic choice sets', () => {
        expect(element(flow, 'Make', 'recordCreates')).toMatchObject({
            object: { text: 'User' },
            storeOutputAutomatically: true,
            inputAssignments: [
                {
                    field: { text: 'LastName' },
                    value: { holders: [{ kind: 'elementReference', text: '$Record.Name' }] }
                }
            ],
            records: { object: { text: 'User' }, picklistFields: [] }
        });
        expect(flow.resources[0]).toMatchObject({
            kind: 'dynamicChoiceSets',
            records: {
                object: { text: 'User' },
                fields: [{ text: 'Name', path: 'Flow.dynamicChoiceSets[Users].displayField' }],
                picklistObject: { text: 'Link__c' },
                picklistFields: [{ text: 'Kind__c' }]
            }
        });
    });
});

describe('the vocabulary', () => {
    it('sorts every child of Flow as the Metadata API schema does', () => {
        const flow = schema.complexType('Flow');
        const children = flow?.elements ?? [];
        const declared = (name: string) => children.find((entry) => entry.name === name);
        const isNode = (name: string): boolean => {
            const type = declared(name)?.type;
            return (
                type?.kind === 'complex' &&
                schema
                    .complexType(type.name)
                    ?.elements.some((entry) => entry.name === 'locationX') === true
            );
        };
        expect([...FLOW_NODE_KINDS, ...FLOW_RESOURCE_KINDS, ...FLOW_PROPERTY_KINDS].sort()).toEqual(
            children.map((entry) => entry.name).sort()
        );
        expect(
            children
                .filter((entry) => isNode(entry.name) && entry.name !== 'start')
                .map((entry) => entry.name)
                .sort()
        ).toEqual([...FLOW_NODE_KINDS].sort());
        for (const kind of [...FLOW_RESOURCE_KINDS, ...UNNAMED_SETTINGS]) {
            const type = declared(kind)?.type;
            const fields = type?.kind === 'complex' ? schema.complexType(type.name)?.elements : [];
            expect(fields?.some((entry) => entry.name === 'name')).toBe(true);
        }
    });
});

describe('the flows of a project', () => {
    const root = copyOfProject();
    afterAll(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('reads each well-formed flow of the project once, through the Project', async () => {
        const project = await Project.load(root);
        const flows = readFlows(project, schema);
        expect([...flows.keys()]).toEqual([TEMPLATE_FILE]);
        expect(flows.get(TEMPLATE_FILE)?.elements).toHaveLength(9);
    });
});
