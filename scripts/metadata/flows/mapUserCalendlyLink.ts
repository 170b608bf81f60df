import type * as md from '@salesforce/types/metadata';
import {
    API_VERSION,
    FLOW_TEMPLATE,
    LINK_FIELDS as F,
    LINK_OBJECT,
    LINK_TYPES,
    PACKAGE_DIR,
    USER_LINK_FIELD
} from '../names';
import { metadataFile, type Definition, type MetadataFile } from '../types';

type Value = Definition<md.FlowElementReferenceOrValue>;

const ref = (elementReference: string): Value => ({ elementReference });
const bool = (booleanValue: boolean): Value => ({ booleanValue });
const connector = (targetReference: string): Definition<md.FlowConnector> => ({ targetReference });

/** Element API names: FlowTests, scenarios and admins' customisations refer to them. */
export const ELEMENTS = {
    decideLinkChange: 'Decide_Link_Change',
    getUsers: 'Get_Users_With_Link_Email',
    decideUsersFound: 'Decide_Users_Found',
    loopUsers: 'Loop_Matching_Users',
    assignLink: 'Assign_Link_To_User',
    updateUsers: 'Update_Matching_Users',
    clearLink: 'Clear_Link_From_Users',
    clearPreviousLink: 'Clear_Previous_Link_From_Users',
    reportError: 'Report_Mapping_Error',
    sandboxEmail: 'SandboxEmail',
    usersToUpdate: 'UsersToUpdate'
} as const;
const E = ELEMENTS;

/**
 * Entry conditions, evaluated before an interview starts, so that the hourly sync's writes of
 * unrelated fields (LastSyncedAt__c, names) start no interview at all:
 * an active profile link with an email that is new or whose URL, email or status changed, or a
 * profile link that has just been deactivated.
 */
const ENTRY_FORMULA = [
    `ISPICKVAL({!$Record.${F.linkType}}, "${LINK_TYPES.profile}") && (`,
    `    ({!$Record.${F.isActive}} && NOT(ISBLANK({!$Record.${F.email}})) && (ISNEW()`,
    `        || ISCHANGED({!$Record.${F.url}}) || ISCHANGED({!$Record.${F.email}})`,
    `        || ISCHANGED({!$Record.${F.isActive}})))`,
    `    || (NOT({!$Record.${F.isActive}}) && ISCHANGED({!$Record.${F.isActive}}))`,
    `)`
].join('\n');

const DESCRIPTION = [
    `Template: use Save As to make your own copy, then activate the copy. Copies a Calendly profile link to every active user whose email matches the link's email`,
    `(case-insensitive; in a sandbox also the email with .invalid appended), and clears it from active users holding it when the link is deactivated.`,
    `To map a managed-event link instead, change the entry condition's link type and the User field in your copy.`
].join(' ');

/** The flow template that subscribers Save As and activate. */
export function mapUserCalendlyLinkTemplate(): MetadataFile {
    return metadataFile(`${PACKAGE_DIR}/flows/${FLOW_TEMPLATE}.flow-meta.xml`, 'Flow', {
        apiVersion: API_VERSION,
        assignments: [
            {
                name: E.assignLink,
                description:
                    'Sets the link on the user in hand and queues the user for one update after the loop.',
                label: 'Assign Link to User',
                locationX: 0,
                locationY: 0,
                assignmentItems: [
                    {
                        assignToReference: `${E.loopUsers}.${USER_LINK_FIELD}`,
                        operator: 'Assign',
                        value: ref(`$Record.${F.url}`)
                    },
                    { assignToReference: E.usersToUpdate, operator: 'Add', value: ref(E.loopUsers) }
                ],
                connector: connector(E.loopUsers)
            }
        ],
        customErrors: [
            {
                name: E.reportError,
                description:
                    'Fails the link save with the reason, so that the sync records the failure on its run instead of losing it.',
                label: 'Report Mapping Error',
                locationX: 0,
                locationY: 0,
                customErrorMessages: [
                    {
                        errorMessage: `The Calendly link {!$Record.${F.url}} could not be copied to users: {!$Flow.FaultMessage}`,
                        isFieldError: false
                    }
                ]
            }
        ],
        decisions: [
            {
                name: E.decideLinkChange,
                description:
                    'An active link is mapped to users by email; a deactivated link is cleared from users.',
                label: 'Link Active or Deactivated?',
                locationX: 0,
                locationY: 0,
                defaultConnectorLabel: 'Nothing to change',
                rules: [
                    {
                        name: 'Link_Was_Deactivated',
                        conditionLogic: 'and',
                        conditions: [
                            {
                                leftValueReference: `$Record.${F.isActive}`,
                                operator: 'EqualTo',
                                rightValue: bool(false)
                            },
                            {
                                leftValueReference: `$Record__Prior.${F.isActive}`,
                                operator: 'EqualTo',
                                rightValue: bool(true)
                            }
                        ],
                        connector: connector(E.clearLink),
                        label: 'Link Was Deactivated'
                    },
                    {
                        name: 'Link_Value_Changed',
                        conditionLogic: '1 AND (2 OR 3)',
                        conditions: [
                            {
                                leftValueReference: `$Record.${F.isActive}`,
                                operator: 'EqualTo',
                                rightValue: bool(true)
                            },
                            {
                                leftValueReference: `$Record.${F.url}`,
                                operator: 'IsChanged',
                                rightValue: bool(true)
                            },
                            {
                                leftValueReference: `$Record.${F.email}`,
                                operator: 'IsChanged',
                                rightValue: bool(true)
                            }
                        ],
                        connector: connector(E.clearPreviousLink),
                        label: 'Link URL or Email Changed'
                    },
                    {
                        name: 'Link_Is_Active',
                        conditionLogic: 'and',
                        conditions: [
                            {
                                leftValueReference: `$Record.${F.isActive}`,
                                operator: 'EqualTo',
                                rightValue: bool(true)
                            }
                        ],
                        connector: connector(E.getUsers),
                        label: 'Link Is Active'
                    }
                ]
            },
            {
                name: E.decideUsersFound,
                description: 'No active user with the email is not an error: the flow ends.',
                label: 'Active Users Found?',
                locationX: 0,
                locationY: 0,
                defaultConnectorLabel: 'No active user with this email',
                rules: [
                    {
                        name: 'Users_Found',
                        conditionLogic: 'and',
                        conditions: [
                            {
                                leftValueReference: E.getUsers,
                                operator: 'IsNull',
                                rightValue: bool(false)
                            }
                        ],
                        connector: connector(E.loopUsers),
                        label: 'Users Found'
                    }
                ]
            }
        ],
        description: DESCRIPTION,
        environments: ['Default'],
        formulas: [
            {
                name: E.sandboxEmail,
                description:
                    'The link email as a sandbox stores user emails: Salesforce appends .invalid to them when a sandbox is created or refreshed.',
                dataType: 'String',
                expression: `{!$Record.${F.email}} & ".invalid"`
            }
        ],
        interviewLabel: 'Map User Calendly Link {!$Record.Name}',
        isTemplate: true,
        label: 'Map User Calendly Link Template',
        loops: [
            {
                name: E.loopUsers,
                description: 'Walks the matching users; nothing in the loop queries or writes.',
                label: 'Loop Matching Users',
                locationX: 0,
                locationY: 0,
                collectionReference: E.getUsers,
                iterationOrder: 'Asc',
                nextValueConnector: connector(E.assignLink),
                noMoreValuesConnector: connector(E.updateUsers)
            }
        ],
        processMetadataValues: [
            { name: 'BuilderType', value: { stringValue: 'LightningFlowBuilder' } },
            { name: 'CanvasMode', value: { stringValue: 'AUTO_LAYOUT_CANVAS' } },
            { name: 'OriginBuilderType', value: { stringValue: 'LightningFlowBuilder' } }
        ],
        processType: 'AutoLaunchedFlow',
        recordLookups: [
            {
                name: E.getUsers,
                description:
                    'Active users whose email equals the link email, or the link email with .invalid appended (sandboxes). Email comparison in a query is case-insensitive.',
                label: 'Get Users with Link Email',
                locationX: 0,
                locationY: 0,
                assignNullValuesIfNoRecordsFound: false,
                connector: connector(E.decideUsersFound),
                faultConnector: connector(E.reportError),
                filterLogic: '1 AND (2 OR 3)',
                filters: [
                    { field: 'IsActive', operator: 'EqualTo', value: bool(true) },
                    { field: 'Email', operator: 'EqualTo', value: ref(`$Record.${F.email}`) },
                    { field: 'Email', operator: 'EqualTo', value: ref(E.sandboxEmail) }
                ],
                getFirstRecordOnly: false,
                object: 'User',
                queriedFields: ['Id', USER_LINK_FIELD],
                storeOutputAutomatically: true
            }
        ],
        recordUpdates: [
            {
                name: E.clearLink,
                description:
                    'Clears the deactivated link (its URL, or its URL before this save) from active users who hold exactly it; users holding another value are left alone.',
                label: 'Clear Link from Users',
                locationX: 0,
                locationY: 0,
                faultConnector: connector(E.reportError),
                filterLogic: '1 AND (2 OR 3)',
                filters: [
                    { field: 'IsActive', operator: 'EqualTo', value: bool(true) },
                    { field: USER_LINK_FIELD, operator: 'EqualTo', value: ref(`$Record.${F.url}`) },
                    {
                        field: USER_LINK_FIELD,
                        operator: 'EqualTo',
                        value: ref(`$Record__Prior.${F.url}`)
                    }
                ],
                inputAssignments: [
                    { field: USER_LINK_FIELD, value: ref('$GlobalConstant.EmptyString') }
                ],
                object: 'User'
            },
            {
                name: E.clearPreviousLink,
                description:
                    'Before the link is mapped again, clears its previous URL from active users who hold it, so that a user whose email no longer matches does not keep a stale link.',
                label: 'Clear Previous Link from Users',
                locationX: 0,
                locationY: 0,
                connector: connector(E.getUsers),
                faultConnector: connector(E.reportError),
                filterLogic: 'and',
                filters: [
                    { field: 'IsActive', operator: 'EqualTo', value: bool(true) },
                    {
                        field: USER_LINK_FIELD,
                        operator: 'EqualTo',
                        value: ref(`$Record__Prior.${F.url}`)
                    }
                ],
                inputAssignments: [
                    { field: USER_LINK_FIELD, value: ref('$GlobalConstant.EmptyString') }
                ],
                object: 'User'
            },
            {
                name: E.updateUsers,
                description: 'Saves the link on every matching user in one update.',
                label: 'Update Matching Users',
                locationX: 0,
                locationY: 0,
                faultConnector: connector(E.reportError),
                inputReference: E.usersToUpdate
            }
        ],
        start: {
            locationX: 50,
            locationY: 0,
            connector: connector(E.decideLinkChange),
            filterFormula: ENTRY_FORMULA,
            object: LINK_OBJECT,
            recordTriggerType: 'CreateAndUpdate',
            triggerType: 'RecordAfterSave'
        },
        status: 'Draft',
        triggerOrder: 500,
        variables: [
            {
                name: E.usersToUpdate,
                description: 'Users that get the link, written in one update after the loop.',
                dataType: 'SObject',
                isCollection: true,
                isInput: false,
                isOutput: false,
                objectType: 'User'
            }
        ]
    });
}
