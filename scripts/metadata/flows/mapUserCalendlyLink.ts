import type * as md from '@salesforce/types/metadata';
import {
    API_VERSION,
    FLOW_TEMPLATE,
    LINK_FIELDS,
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

/** Which Calendly links a flow maps: profile links, or the managed-event links of one event type. */
export type LinkSelection =
    | { readonly linkType: typeof LINK_TYPES.profile }
    | { readonly linkType: typeof LINK_TYPES.managedEvent; readonly event: EventSelection };

/** A managed event type, by its slug (`intro-call`) or its name (`Intro call`), matched exactly. */
export interface EventSelection {
    readonly by: 'slug' | 'name';
    readonly value: string;
}

/**
 * Everything that differs between the package's template and an org's copy of it. The mapping
 * logic itself (entry conditions, lookups, loop, clearing, fault path) is the same for all.
 */
export interface MapUserLinkFlowSpec {
    readonly apiName: string;
    readonly label: string;
    readonly description: string;
    readonly interviewLabel: string;
    readonly links: LinkSelection;
    /** The User text field that receives the link, as the package's source spells it (no prefix). */
    readonly userField: string;
    /**
     * The package's namespace, for a copy in an org where the package is installed: there the
     * package's object and fields must be spelt with the prefix (`cly__Url__c`), as a
     * subscriber's Save As copy spells them. Standard fields and the org's own fields never are.
     */
    readonly namespace?: string;
    /** A template ships inactive for Save As; a copy is active and runs. */
    readonly kind: 'template' | 'active-copy';
    readonly triggerOrder: number;
    /** The source directory the file goes to, e.g. `force-app/main/default`. */
    readonly directory: string;
}

/** The API names a flow uses for the package's object and fields, prefixed or not. */
interface FlowNames {
    readonly object: string;
    readonly url: string;
    readonly email: string;
    readonly linkType: string;
    readonly isActive: string;
    readonly eventTypeSlug: string;
    readonly eventTypeName: string;
    readonly userField: string;
}

function flowNames(spec: MapUserLinkFlowSpec): FlowNames {
    const packaged = (name: string): string =>
        spec.namespace ? `${spec.namespace}__${name}` : name;
    return {
        object: packaged(LINK_OBJECT),
        url: packaged(LINK_FIELDS.url),
        email: packaged(LINK_FIELDS.email),
        linkType: packaged(LINK_FIELDS.linkType),
        isActive: packaged(LINK_FIELDS.isActive),
        eventTypeSlug: packaged(LINK_FIELDS.eventTypeSlug),
        eventTypeName: packaged(LINK_FIELDS.eventTypeName),
        // Only the package's own User field carries the prefix; a field the org created does not.
        userField: spec.userField === USER_LINK_FIELD ? packaged(spec.userField) : spec.userField
    };
}

/**
 * Entry conditions, evaluated before an interview starts, so that the hourly sync's writes of
 * unrelated fields (LastSyncedAt__c, names) start no interview at all:
 * an active link of the selected kind with an email that is new or whose URL, email or status
 * changed, or such a link that has just been deactivated.
 */
function entryFormula(links: LinkSelection, F: FlowNames): string {
    const selection =
        links.linkType === LINK_TYPES.profile
            ? `ISPICKVAL({!$Record.${F.linkType}}, "${LINK_TYPES.profile}")`
            : `ISPICKVAL({!$Record.${F.linkType}}, "${LINK_TYPES.managedEvent}") && {!$Record.${
                  links.event.by === 'slug' ? F.eventTypeSlug : F.eventTypeName
              }} = "${links.event.value}"`;
    return [
        `${selection} && (`,
        `    ({!$Record.${F.isActive}} && NOT(ISBLANK({!$Record.${F.email}})) && (ISNEW()`,
        `        || ISCHANGED({!$Record.${F.url}}) || ISCHANGED({!$Record.${F.email}})`,
        `        || ISCHANGED({!$Record.${F.isActive}})))`,
        `    || (NOT({!$Record.${F.isActive}}) && ISCHANGED({!$Record.${F.isActive}}))`,
        `)`
    ].join('\n');
}

const TEMPLATE_DESCRIPTION = [
    `Template: use Save As to make your own copy, then activate the copy. Copies a Calendly profile link to every active user whose email matches the link's email`,
    `(case-insensitive; in a sandbox also the email with .invalid appended), and clears it from active users holding it when the link is deactivated.`,
    `To map a managed-event link instead, change the entry condition's link type and the User field in your copy.`
].join(' ');

/** What the package ships: the profile-link template, inactive, for subscribers to Save As. */
export const TEMPLATE_SPEC: MapUserLinkFlowSpec = {
    apiName: FLOW_TEMPLATE,
    label: 'Map User Calendly Link Template',
    description: TEMPLATE_DESCRIPTION,
    interviewLabel: 'Map User Calendly Link {!$Record.Name}',
    links: { linkType: LINK_TYPES.profile },
    userField: USER_LINK_FIELD,
    kind: 'template',
    triggerOrder: 500,
    directory: PACKAGE_DIR
};

/** The flow template that subscribers Save As and activate. */
export function mapUserCalendlyLinkTemplate(): MetadataFile {
    return mapUserLinkFlow(TEMPLATE_SPEC);
}

/**
 * The one definition of the mapping flow, for the template and for every copy: copies a link
 * to the User field of every active user with the link's email, clears it when the link is
 * deactivated, and fails the link's save with the reason on any fault.
 */
export function mapUserLinkFlow(spec: MapUserLinkFlowSpec): MetadataFile {
    const F = flowNames(spec);
    return metadataFile(`${spec.directory}/flows/${spec.apiName}.flow-meta.xml`, 'Flow', {
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
                        assignToReference: `${E.loopUsers}.${F.userField}`,
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
        description: spec.description,
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
        interviewLabel: spec.interviewLabel,
        // A copy leaves isTemplate out, as Save As does: only the package's template is one.
        ...(spec.kind === 'template' ? { isTemplate: true } : {}),
        label: spec.label,
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
                queriedFields: ['Id', F.userField],
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
                    { field: F.userField, operator: 'EqualTo', value: ref(`$Record.${F.url}`) },
                    {
                        field: F.userField,
                        operator: 'EqualTo',
                        value: ref(`$Record__Prior.${F.url}`)
                    }
                ],
                inputAssignments: [
                    { field: F.userField, value: ref('$GlobalConstant.EmptyString') }
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
                        field: F.userField,
                        operator: 'EqualTo',
                        value: ref(`$Record__Prior.${F.url}`)
                    }
                ],
                inputAssignments: [
                    { field: F.userField, value: ref('$GlobalConstant.EmptyString') }
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
            filterFormula: entryFormula(spec.links, F),
            object: F.object,
            recordTriggerType: 'CreateAndUpdate',
            triggerType: 'RecordAfterSave'
        },
        status: spec.kind === 'template' ? 'Draft' : 'Active',
        triggerOrder: spec.triggerOrder,
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
