import {
    copyFixture,
    findings,
    fixture,
    removeTemporaryProjects,
    replace,
    VALID_FLOW,
    VALID_FLOW_TEST
} from '../helpers';

/** Cross-references inside flows and FlowTests, and the flows' connectors. */

afterAll(removeTemporaryProjects);

async function flowFindings(
    rule: string,
    changes: Parameters<typeof copyFixture>[1]
): ReturnType<typeof findings> {
    return findings(copyFixture('valid-project', changes), [rule]);
}

describe('flow-references', () => {
    it('accepts the valid flow: start object, record elements, loop and record variables', async () => {
        expect(await findings(fixture('valid-project'), ['flow-references'])).toEqual([]);
    });

    it('reports a queried field that User does not have', async () => {
        const result = await flowFindings('flow-references', {
            [VALID_FLOW]: replace(
                '<queriedFields>Calendly_Link__c</queriedFields>',
                '<queriedFields>Calendly_Lnk__c</queriedFields>'
            )
        });
        expect(result).toEqual([
            expect.objectContaining({
                rule: 'flow-references',
                severity: 'error',
                file: VALID_FLOW,
                path: 'Flow.recordLookups[Get_Users_With_Link_Email].queriedFields[1]',
                message:
                    '`User.Calendly_Lnk__c` does not exist: the project has no objects/User/fields/Calendly_Lnk__c.field-meta.xml.'
            })
        ]);
    });

    it('reports a $Record field in a formula that the start object does not have', async () => {
        const result = await flowFindings('flow-references', {
            [VALID_FLOW]: replace(
                '<expression>{!$Record.Email__c}',
                '<expression>{!$Record.Mail__c}'
            )
        });
        expect(result).toEqual([
            expect.objectContaining({
                line: 113,
                path: 'Flow.formulas[SandboxEmail].expression',
                message: expect.stringContaining(
                    '`$Record.Mail__c`: `Link__c.Mail__c` does not exist'
                ) as string
            })
        ]);
    });

    it('accepts a related record named by its relationship, as Update Records takes one', async () => {
        const named = (reference: string): ReturnType<typeof findings> =>
            flowFindings('flow-references', {
                [VALID_FLOW]: replace(
                    '<expression>{!$Record.Email__c}',
                    `<expression>{!${reference}}`
                )
            });
        expect(await named('$Record.CreatedBy')).toEqual([]);
        expect(await named('$Record.CreatedByy')).toEqual([
            expect.objectContaining({
                message: expect.stringContaining('`$Record.CreatedByy`') as string
            })
        ]);
    });

    it('reports a field of a loop variable over a Get Records of User', async () => {
        const result = await flowFindings('flow-references', {
            [VALID_FLOW]: replace(
                '<assignToReference>Loop_Matching_Users.Calendly_Link__c</assignToReference>',
                '<assignToReference>Loop_Matching_Users.Calendly_Url__c</assignToReference>'
            )
        });
        expect(result).toEqual([
            expect.objectContaining({
                line: 11,
                message: expect.stringContaining('`User.Calendly_Url__c` does not exist') as string
            })
        ]);
    });

    it('reports a filter field and an unknown object of record elements', async () => {
        const result = await flowFindings('flow-references', {
            [VALID_FLOW]: (text) => {
                const lookupFilter = replace(
                    '<field>IsActive</field>',
                    '<field>IsActiv</field>'
                )(text);
                const update = lookupFilter.indexOf('<recordUpdates>');
                return (
                    lookupFilter.slice(0, update) +
                    replace(
                        '<object>User</object>',
                        '<object>Usr</object>'
                    )(lookupFilter.slice(update))
                );
            }
        });
        expect(result.map((item) => [item.path, item.message])).toEqual([
            [
                'Flow.recordLookups[Get_Users_With_Link_Email].filters[0].field',
                '`User.IsActiv` is neither a custom field of the project nor a standard field the validator knows.'
            ],
            [
                'Flow.recordUpdates[Clear_Link_From_Users]',
                '`Usr` is neither an object of the project nor a standard object the validator knows.'
            ]
        ]);
    });

    it('reports references to unknown elements, $Flow members and globals', async () => {
        const result = await flowFindings('flow-references', {
            [VALID_FLOW]: (text) =>
                replace(
                    '<collectionReference>Get_Users_With_Link_Email</collectionReference>',
                    '<collectionReference>Get_User_With_Link_Email</collectionReference>'
                )(text).replace('{!$Flow.FaultMessage}', '{!$Flow.FaultText} {!$Global.Nothing}')
        });
        expect(result).toEqual([
            expect.objectContaining({
                severity: 'error',
                message: '`$Flow.FaultText`: $Flow has no FaultText.'
            }),
            expect.objectContaining({
                severity: 'warning',
                message: expect.stringContaining('$Global') as string
            }),
            expect.objectContaining({
                severity: 'error',
                path: 'Flow.loops[Loop_Matching_Users].collectionReference',
                message:
                    '`Get_User_With_Link_Email` is no element, resource or outcome of this flow.',
                fix: expect.stringContaining('Did you mean `Get_Users_With_Link_Email`?') as string
            })
        ]);
    });

    it('reports $Record in a flow that starts on no object', async () => {
        const result = await flowFindings('flow-references', {
            [VALID_FLOW]: replace('        <object>Link__c</object>\n', '')
        });
        expect(result.length).toBeGreaterThan(0);
        expect(result.every((item) => item.message.includes('the flow starts on no object'))).toBe(
            true
        );
    });
});

describe('flow-connectors', () => {
    it('accepts the valid flow', async () => {
        expect(await findings(fixture('valid-project'), ['flow-connectors'])).toEqual([]);
    });

    it('reports a connector to a missing element, and the element no longer reached', async () => {
        const result = await flowFindings('flow-connectors', {
            [VALID_FLOW]: replace(
                '<targetReference>Decide_Users_Found</targetReference>',
                '<targetReference>Decide_User_Found</targetReference>'
            )
        });
        expect(result).toEqual([
            expect.objectContaining({
                path: 'Flow.decisions[Decide_Users_Found]',
                message:
                    '`Decide_Users_Found` cannot be reached from the start: no connector leads to it.'
            }),
            expect.objectContaining({
                rule: 'flow-connectors',
                line: 158,
                path: 'Flow.recordLookups[Get_Users_With_Link_Email].connector',
                message:
                    'The connector leads to `Decide_User_Found`, which is no element of this flow.',
                fix: expect.stringContaining('Did you mean `Decide_Users_Found`?') as string
            })
        ]);
    });

    it('reports a flow whose start leads nowhere', async () => {
        const result = await flowFindings('flow-connectors', {
            [VALID_FLOW]: replace(
                `        <connector>
            <targetReference>Decide_Link_Change</targetReference>
        </connector>
        <filterFormula>`,
                '        <filterFormula>'
            )
        });
        expect(result).toEqual([
            expect.objectContaining({
                path: 'Flow.start',
                message: expect.stringContaining('no start') as string
            })
        ]);
    });
});

describe('flowtest-references', () => {
    it('accepts the valid FlowTest', async () => {
        expect(await findings(fixture('valid-project'), ['flowtest-references'])).toEqual([]);
    });

    it('reports a FlowTest of a flow the project does not have', async () => {
        const result = await flowFindings('flowtest-references', {
            [VALID_FLOW_TEST]: replace(
                '<flowApiName>Link_CopyToUser</flowApiName>',
                '<flowApiName>Link_CopyToUsers</flowApiName>'
            )
        });
        expect(result).toEqual([
            expect.objectContaining({
                line: 4,
                path: 'FlowTest.flowApiName',
                message: expect.stringContaining('`Link_CopyToUsers`') as string
            })
        ]);
    });

    it('reports record fields that the object does not have, and a record of another object', async () => {
        const result = await flowFindings('flowtest-references', {
            [VALID_FLOW_TEST]: (text) =>
                replace(
                    '&quot;IsActive__c&quot;:true',
                    '&quot;IsActiv__c&quot;:true'
                )(text).replace(
                    '&quot;type&quot;:&quot;Link__c&quot;',
                    '&quot;type&quot;:&quot;User&quot;'
                )
        });
        expect(result.map((item) => item.message).sort()).toEqual([
            'The triggering record is a User, but the flow starts on Link__c.',
            '`User.Email__c` does not exist: the project has no objects/User/fields/Email__c.field-meta.xml.',
            '`User.IsActiv__c` does not exist: the project has no objects/User/fields/IsActiv__c.field-meta.xml.',
            '`User.LinkType__c` does not exist: the project has no objects/User/fields/LinkType__c.field-meta.xml.',
            '`User.Url__c` does not exist: the project has no objects/User/fields/Url__c.field-meta.xml.'
        ]);
        expect(result[0]?.path).toBe('FlowTest.testPoints[0].parameters.value.sobjectValue');
    });

    it('reports a record that is not JSON, and an assertion on an unknown element', async () => {
        const result = await flowFindings('flowtest-references', {
            [VALID_FLOW_TEST]: (text) =>
                replace(
                    '<sobjectValue>{',
                    '<sobjectValue>{,'
                )(text).replace(
                    '<leftValueReference>Update_Matching_Users</leftValueReference>',
                    '<leftValueReference>Update_Users</leftValueReference>'
                )
        });
        expect(result.map((item) => item.message)).toEqual([
            expect.stringContaining('<sobjectValue> is not valid JSON') as string,
            '`Update_Users` is no element, resource or outcome of this flow.'
        ]);
    });
});
