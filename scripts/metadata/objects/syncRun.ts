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
import {
    countField,
    customObjectFiles,
    dateTimeField,
    longTextField,
    picklistField,
    textField
} from './customObject';
import { OBJECT_SETTINGS } from './settings';
import { edit, readonly, section, type Item } from './layout';

/**
 * The run object: one record per sync, so that admins see what each run did and the sync can
 * hold its lock (one queued or running run at a time) in the database.
 */
export function syncRunObject(): MetadataFile[] {
    return [
        ...customObjectFiles(
            RUN_OBJECT,
            {
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
            },
            runFields(),
            runListViews()
        ),
        runLayout(),
        metadataFile(`${PACKAGE_DIR}/tabs/${RUN_OBJECT}.tab-meta.xml`, 'CustomTab', {
            customObject: true,
            description: 'Lists the runs of the Calendly link sync.',
            motif: 'Custom67: Gears'
        })
    ];
}

function runFields(): Definition<md.CustomField>[] {
    return [
        picklistField(
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
        picklistField(
            F.origin,
            'Origin',
            'What started the run: an admin (Manual) or the hourly schedule (Scheduled). Created By names the user.',
            [
                [RUN_ORIGINS.manual, 'Manual'],
                [RUN_ORIGINS.scheduled, 'Scheduled']
            ]
        ),
        picklistField(
            F.phase,
            'Phase',
            'What the run is doing: reading members, reading managed event types, or deactivating the links Calendly no longer returns.',
            [
                [RUN_PHASES.members, 'Reading Members'],
                [RUN_PHASES.managedEvents, 'Reading Managed Event Types'],
                [RUN_PHASES.deactivation, 'Deactivating Removed Links']
            ]
        ),
        textField(
            F.statusDetail,
            'Status Detail',
            'What the run is waiting for or did last, for example a wait for the Calendly rate limit or a retry.'
        ),
        dateTimeField(F.startedAt, 'Started At', 'When the first step of the run began.'),
        dateTimeField(F.endedAt, 'Ended At', 'When the run ended, whatever its status.'),
        dateTimeField(
            F.lastProgressAt,
            'Last Progress At',
            'When a step of the run last finished. A queued or running run without progress for 30 minutes is marked Failed, so that a new sync can start.'
        ),
        countField(
            F.step,
            'Steps Done',
            'Number of steps (transactions) the run has finished; each queued step checks it so that a step never runs twice.'
        ),
        textField(
            F.organizationUri,
            'Calendly Organization URI',
            'The Calendly organization the run reads, from the connected user.'
        ),
        {
            ...textField(
                F.activeRunKey,
                'Active Run Key',
                'Holds the same value on the one run that is queued or running and is cleared when the run ends. Being unique, it lets the database refuse a second active run.',
                40
            ),
            caseSensitive: true,
            unique: true
        },
        countField(F.pagesRead, 'Pages Read', 'Pages of members and managed event types read.'),
        countField(F.membersRead, 'Members Read', 'Members of the Calendly organization read.'),
        countField(
            F.managedEventTypesRead,
            'Managed Event Types Read',
            'Active managed event types of the Calendly organization read: the sync asks Calendly for active ones only.'
        ),
        countField(
            F.expectedLinks,
            'Expected Links',
            'Active links in Salesforce when the run started: the best estimate of the total until Calendly has returned every page.'
        ),
        countField(F.linksCreated, 'Links Created', 'Links the run created.'),
        countField(
            F.linksUpdated,
            'Links Updated',
            'Links the run updated because a synced value had changed in Calendly, because Calendly returned them again after a run missed them, or to reactivate them.'
        ),
        countField(
            F.linksUnchanged,
            'Links Unchanged',
            'Links Calendly returned with the values Salesforce already has; the run did not write them.'
        ),
        countField(
            F.linksDeactivated,
            'Links Deactivated',
            'Links marked inactive: missed by this run after the previous complete run missed them too, or returned by Calendly without an email or an https link.'
        ),
        countField(
            F.linksMissed,
            'Links Missed',
            'Active links this run did not find in Calendly for the first time. They stay active, since a member or event type that moves between two pages of a run is not seen by it; the next complete run deactivates those it does not find either.'
        ),
        countField(
            F.linksSkipped,
            'Links Skipped',
            'Links not written because they have no email, an email Salesforce would refuse, or no https link; Issues gives each one and its reason.'
        ),
        countField(
            F.linksFailed,
            'Links Failed',
            'Links Salesforce refused to save (a validation rule or a flow error, for example); Issues gives each one and its reason.'
        ),
        longTextField(
            F.errorSummary,
            'Error Summary',
            'Why the run failed, or a summary of the links that failed or were skipped, and what to do.',
            32768,
            5
        ),
        longTextField(
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
                        edit(F.linksMissed),
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
