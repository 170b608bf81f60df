import type * as md from '@salesforce/types/metadata';
import {
    PACKAGE_DIR,
    RUN_FIELDS as F,
    RUN_OBJECT,
    RUN_ORIGINS,
    RUN_PHASES,
    RUN_STATUSES
} from '../names';
import { metadataFile, type Definition, type MetadataFile } from '../types';
import { OBJECT_SETTINGS } from './settings';
import { edit, readonly, section, type Item } from './layout';

const OBJECT_DIR = `${PACKAGE_DIR}/objects/${RUN_OBJECT}`;

/**
 * The run object: one record per sync, so that admins see what each run did and the sync can
 * hold its lock (one queued or running run at a time) in the database.
 */
export function syncRunObject(): MetadataFile[] {
    return [
        metadataFile(`${OBJECT_DIR}/${RUN_OBJECT}.object-meta.xml`, 'CustomObject', {
            ...OBJECT_SETTINGS,
            description:
                'One run of the Calendly link sync, manual or hourly: its status, progress, counts and the reasons links were skipped or failed. Only one run is queued or running at a time.',
            enableSearch: false,
            label: 'Calendly Sync Run',
            nameField: {
                displayFormat: 'SYNC-{000000}',
                label: 'Sync Run',
                trackHistory: false,
                type: 'AutoNumber'
            },
            pluralLabel: 'Calendly Sync Runs',
            searchLayouts: {
                customTabListAdditionalFields: [F.status, F.origin, F.startedAt, F.endedAt],
                lookupDialogsAdditionalFields: [F.status, F.startedAt],
                lookupPhoneDialogsAdditionalFields: [],
                searchResultsAdditionalFields: [F.status, F.origin, F.startedAt]
            },
            // Any admin's sync may have to mark another admin's stalled run as failed.
            sharingModel: 'ReadWrite'
        }),
        ...runFields().map((field) =>
            metadataFile(
                `${OBJECT_DIR}/fields/${String(field.fullName)}.field-meta.xml`,
                'CustomField',
                field
            )
        ),
        ...runListViews().map((view) =>
            metadataFile(
                `${OBJECT_DIR}/listViews/${String(view.fullName)}.listView-meta.xml`,
                'ListView',
                view
            )
        ),
        runLayout(),
        metadataFile(`${PACKAGE_DIR}/tabs/${RUN_OBJECT}.tab-meta.xml`, 'CustomTab', {
            customObject: true,
            description: 'Lists the runs of the Calendly link sync.',
            motif: 'Custom67: Gears'
        })
    ];
}

const base = {
    externalId: false,
    required: false,
    trackTrending: false
} as const;

function text(
    fullName: string,
    label: string,
    description: string,
    length = 255
): Definition<md.CustomField> {
    return { ...base, fullName, description, label, length, type: 'Text', unique: false };
}

function count(fullName: string, label: string, description: string): Definition<md.CustomField> {
    return {
        ...base,
        fullName,
        defaultValue: '0',
        description,
        label,
        precision: 9,
        scale: 0,
        type: 'Number',
        unique: false
    };
}

function dateTime(
    fullName: string,
    label: string,
    description: string
): Definition<md.CustomField> {
    return { ...base, fullName, description, label, type: 'DateTime' };
}

function longText(
    fullName: string,
    label: string,
    description: string,
    length: number,
    visibleLines: number
): Definition<md.CustomField> {
    return {
        fullName,
        description,
        externalId: false,
        label,
        length,
        trackTrending: false,
        type: 'LongTextArea',
        visibleLines
    };
}

function picklist(
    fullName: string,
    label: string,
    description: string,
    values: [string, string][]
): Definition<md.CustomField> {
    return {
        ...base,
        fullName,
        description,
        label,
        type: 'Picklist',
        valueSet: {
            restricted: true,
            valueSetDefinition: {
                sorted: false,
                value: values.map(([value, valueLabel]) => ({
                    fullName: value,
                    default: false,
                    label: valueLabel
                }))
            }
        }
    };
}

function runFields(): Definition<md.CustomField>[] {
    return [
        picklist(
            F.status,
            'Status',
            'Queued until its first step runs; Running while it reads Calendly and writes links; Succeeded, Partially Succeeded (some links could not be saved) or Failed (stopped before the end) once it ends.',
            [
                [RUN_STATUSES.queued, 'Queued'],
                [RUN_STATUSES.running, 'Running'],
                [RUN_STATUSES.succeeded, 'Succeeded'],
                [RUN_STATUSES.partiallySucceeded, 'Partially Succeeded'],
                [RUN_STATUSES.failed, 'Failed']
            ]
        ),
        picklist(
            F.origin,
            'Origin',
            'What started the run: an admin (Manual) or the hourly schedule (Scheduled). Created By names the user.',
            [
                [RUN_ORIGINS.manual, 'Manual'],
                [RUN_ORIGINS.scheduled, 'Scheduled']
            ]
        ),
        picklist(
            F.phase,
            'Phase',
            'What the run is doing: reading members, reading managed event types, or deactivating the links Calendly no longer returns.',
            [
                [RUN_PHASES.members, 'Reading Members'],
                [RUN_PHASES.managedEvents, 'Reading Managed Event Types'],
                [RUN_PHASES.deactivation, 'Deactivating Removed Links']
            ]
        ),
        text(
            F.statusDetail,
            'Status Detail',
            'What the run is waiting for or did last, for example a wait for the Calendly rate limit or a retry.'
        ),
        dateTime(F.startedAt, 'Started At', 'When the first step of the run began.'),
        dateTime(F.endedAt, 'Ended At', 'When the run ended, whatever its status.'),
        dateTime(
            F.lastProgressAt,
            'Last Progress At',
            'When a step of the run last finished. A queued or running run without progress for 30 minutes is marked Failed, so that a new sync can start.'
        ),
        count(
            F.step,
            'Steps Done',
            'Number of steps (transactions) the run has finished; each queued step checks it so that a step never runs twice.'
        ),
        text(
            F.organizationUri,
            'Calendly Organization URI',
            'The Calendly organization the run reads, from the connected user.'
        ),
        {
            ...text(
                F.activeRunKey,
                'Active Run Key',
                'Holds the same value on the one run that is queued or running and is cleared when the run ends. Being unique, it lets the database refuse a second active run.',
                40
            ),
            caseSensitive: true,
            unique: true
        },
        count(F.pagesRead, 'Pages Read', 'Pages of members and managed event types read.'),
        count(F.membersRead, 'Members Read', 'Members of the Calendly organization read.'),
        count(
            F.managedEventTypesRead,
            'Managed Event Types Read',
            'Managed event types of the Calendly organization read, active or not.'
        ),
        count(
            F.expectedLinks,
            'Expected Links',
            'Active links in Salesforce when the run started: the best estimate of the total until Calendly has returned every page.'
        ),
        count(F.linksCreated, 'Links Created', 'Links the run created.'),
        count(
            F.linksUpdated,
            'Links Updated',
            'Links the run updated because a synced value had changed in Calendly, or reactivated.'
        ),
        count(
            F.linksUnchanged,
            'Links Unchanged',
            'Links Calendly returned with the values Salesforce already has; the run did not write them.'
        ),
        count(
            F.linksDeactivated,
            'Links Deactivated',
            'Links Calendly no longer returns, marked inactive.'
        ),
        count(
            F.linksSkipped,
            'Links Skipped',
            'Links not written because they have no email or no https link; Issues gives each one and its reason.'
        ),
        count(
            F.linksFailed,
            'Links Failed',
            'Links Salesforce refused to save (a validation rule or a flow error, for example); Issues gives each one and its reason.'
        ),
        longText(
            F.errorSummary,
            'Error Summary',
            'Why the run failed, or a summary of the links that failed or were skipped, and what to do.',
            32768,
            5
        ),
        longText(
            F.issues,
            'Issues',
            'One line per link that was skipped or failed: the Calendly URI, the email and the reason.',
            131072,
            10
        )
    ];
}

function runListViews(): Definition<md.ListView>[] {
    const columns = [
        'NAME',
        F.status,
        F.origin,
        F.startedAt,
        F.endedAt,
        F.linksCreated,
        F.linksUpdated,
        F.linksDeactivated,
        F.linksSkipped,
        F.linksFailed
    ];
    return [
        { fullName: 'All', columns, filterScope: 'Everything', label: 'All Sync Runs' },
        {
            fullName: 'Failed_Runs',
            columns,
            filterScope: 'Everything',
            filters: [{ field: F.status, operation: 'equals', value: RUN_STATUSES.failed }],
            label: 'Failed Sync Runs'
        }
    ];
}

function oneColumn(label: string, items: Item[]): Definition<md.LayoutSection> {
    return {
        customLabel: true,
        detailHeading: true,
        editHeading: true,
        label,
        layoutColumns: [{ layoutItems: items }],
        style: 'OneColumn'
    };
}

function runLayout(): MetadataFile {
    return metadataFile(
        `${PACKAGE_DIR}/layouts/${RUN_OBJECT}-Calendly_Sync_Run_Layout.layout-meta.xml`,
        'Layout',
        {
            layoutSections: [
                section(
                    'Run',
                    [
                        readonly('Name'),
                        edit(F.status),
                        edit(F.origin),
                        edit(F.phase),
                        edit(F.statusDetail)
                    ],
                    [
                        edit(F.startedAt),
                        edit(F.endedAt),
                        edit(F.lastProgressAt),
                        readonly('CreatedById')
                    ]
                ),
                section(
                    'Counts',
                    [
                        edit(F.membersRead),
                        edit(F.managedEventTypesRead),
                        edit(F.pagesRead),
                        edit(F.expectedLinks)
                    ],
                    [
                        edit(F.linksCreated),
                        edit(F.linksUpdated),
                        edit(F.linksUnchanged),
                        edit(F.linksDeactivated),
                        edit(F.linksSkipped),
                        edit(F.linksFailed)
                    ]
                ),
                oneColumn('Errors', [edit(F.errorSummary), edit(F.issues)]),
                section(
                    'Technical',
                    [edit(F.organizationUri), edit(F.step)],
                    [edit(F.activeRunKey), readonly('LastModifiedById')]
                )
            ],
            showEmailCheckbox: false,
            showHighlightsPanel: false,
            showInteractionLogPanel: false,
            showRunAssignmentRulesCheckbox: false,
            showSubmitAndAttachButton: false
        }
    );
}
