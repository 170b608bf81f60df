import type * as md from '@salesforce/types/metadata';
import { PACKAGE_DIR } from './names';
import { metadataFile, type Definition, type MetadataFile } from './types';

/**
 * The text of the Calendly integration page (the calendlyIntegration component and its
 * sections), by label name. `{0}`, `{1}` are filled in by the components. Subscribers can
 * translate them through Translation Workbench; the names are imported by the components and
 * never change.
 */
export const INTEGRATION_LABELS = {
    Calendly_PageTitle: 'Calendly Integration',
    Calendly_PageSubtitle:
        "Connect Calendly, sync your organization's scheduling links and check how they map to users.",
    Calendly_Refresh: 'Refresh',
    Calendly_Loading: 'Loading',
    Calendly_Error: 'Error',
    Calendly_UnknownError: 'Unknown error',

    Calendly_ConnectionTitle: 'Connection',
    Calendly_Connected: 'Connected',
    Calendly_NotConnected: 'Not connected',
    Calendly_ConnectedUser: 'Calendly user',
    Calendly_ConnectedOrganization: 'Organization',
    Calendly_ConnectHeading: 'To connect Calendly:',
    Calendly_ConnectStep1:
        'In Calendly, as an owner or admin of your organization, create a personal access token (Integrations, API and Webhooks).',
    Calendly_ConnectStep2:
        'In Setup, open Named Credentials, External Credentials, Calendly, and enter the token in the principal CalendlyAdmin.',
    Calendly_ConnectStep3:
        'Make sure you have the Calendly Links Admin permission set, then refresh this page.',

    Calendly_FlowTitle: 'User mapping flow',
    Calendly_FlowActive: 'Active',
    Calendly_FlowInactive: 'No active flow',
    Calendly_FlowActiveText: 'Links are copied to users by: {0}',
    Calendly_FlowMissingText:
        "No active flow copies links to users, so the users' Calendly Link field stays empty.",
    Calendly_FlowStep1: 'In Setup, open Flows and then MapUserCalendlyLinkTemplate.',
    Calendly_FlowStep2: 'Click Save As, choose A New Flow, give it a name and save.',
    Calendly_FlowStep3: 'Activate the copy.',
    Calendly_FlowSetupLink: 'Open Flows in Setup',

    Calendly_SyncTitle: 'Sync',
    Calendly_SyncHelp:
        'Reads every member and managed event type of your Calendly organization and updates the Calendly links that changed.',
    Calendly_SyncButton: 'Sync Now',
    Calendly_SyncStarting: 'Starting the sync…',
    Calendly_SyncInProgress: 'A sync is in progress. The button is available again when it ends.',
    Calendly_RunQueued: '{0} is queued and starts shortly.',
    Calendly_RunRunning: '{0} is running.',
    Calendly_RunStartedBy: 'Started by {0}',
    Calendly_ProgressLabel: 'Sync progress',
    Calendly_ProgressCount: '{0} of about {1} links processed',
    Calendly_ProgressCountOpen: '{0} links processed',
    Calendly_PhaseMembers: "Reading members' profile links",
    Calendly_PhaseManagedEvents: 'Reading managed event types',
    Calendly_PhaseDeactivation: 'Deactivating links Calendly no longer has',
    Calendly_LastRun: 'Last sync',
    Calendly_NoRunsYet: 'No sync has run yet. Click Sync Now to read your Calendly links.',
    Calendly_NoRunsNotConnected:
        'No sync has run yet. Connect Calendly first (see Connection): Sync Now is available once it is connected.',
    Calendly_OutcomeSucceeded: '{0} succeeded.',
    Calendly_OutcomePartiallySucceeded:
        '{0} partially succeeded: some links were skipped or failed.',
    Calendly_OutcomeFailed: '{0} failed.',
    Calendly_Issues: 'Skipped and failed links',

    Calendly_StatusQueued: 'Queued',
    Calendly_StatusRunning: 'Running',
    Calendly_StatusSucceeded: 'Succeeded',
    Calendly_StatusPartiallySucceeded: 'Partially succeeded',
    Calendly_StatusFailed: 'Failed',
    Calendly_OriginManual: 'Manual',
    Calendly_OriginScheduled: 'Hourly',

    Calendly_CountCreated: 'Created',
    Calendly_CountUpdated: 'Updated',
    Calendly_CountUnchanged: 'Unchanged',
    Calendly_CountDeactivated: 'Deactivated',
    Calendly_CountSkipped: 'Skipped',
    Calendly_CountFailed: 'Failed',

    Calendly_HourlyTitle: 'Hourly sync',
    Calendly_HourlyToggle: 'Sync every hour',
    Calendly_HourlyOn: 'On',
    Calendly_HourlyOff: 'Off',
    Calendly_HourlyNext: 'Next run {0}, as {1}.',
    Calendly_HourlyOffText: 'Switch it on to sync every hour as you.',
    Calendly_HourlyNotConnected: 'Calendly is not connected: hourly runs fail until it is.',

    Calendly_RecentRunsTitle: 'Recent runs',
    Calendly_NoRecentRuns: 'No runs yet.',
    Calendly_ColumnRun: 'Run',
    Calendly_ColumnStatus: 'Status',
    Calendly_ColumnOrigin: 'Origin',
    Calendly_ColumnStartedBy: 'Started by',
    Calendly_ColumnQueuedAt: 'Queued',
    Calendly_ColumnEndedAt: 'Ended',

    Calendly_MappingTitle: 'Mapping to users',
    Calendly_MappingSummary: '{0} of {1} active profile links need attention.',
    Calendly_MappingNoFlow:
        'No active flow copies links to users yet, so {0} of {1} active profile links are not on their users. Activate a copy of the flow first (see User mapping flow).',
    Calendly_MappingNone: 'Every active profile link is on the active users with its email.',
    Calendly_MappingNoLinks: 'No profile links yet: they appear here after the first sync.',
    Calendly_MappingMore: 'Only the first {0} of {1} active profile links are checked so far.',
    Calendly_MappingCheckMore: 'Check the next links',
    Calendly_ColumnLink: 'Link',
    Calendly_ColumnEmail: 'Email',
    Calendly_ColumnProblem: 'Problem',
    Calendly_ColumnUsers: 'Active users with this email',
    Calendly_ProblemNoActiveUser: 'No active user has this email',
    Calendly_ProblemSeveralActiveUsers: 'Not on every active user with this email',
    Calendly_ProblemNotCopied: "The user's Calendly Link differs",
    Calendly_ProblemNoFlow: 'Not copied: no active flow',
    Calendly_SharedTitle: 'Links on several users',
    Calendly_SharedText:
        "The flow puts each of these links on every active user with its email, as intended. If one of these users should not have the link, change that user's email or deactivate the user.",
    Calendly_SharedLink: '{0} ({1}) is on {2} active users: {3}',
    Calendly_RunStale:
        '{0} stopped making progress and will not finish. Sync Now starts a new run.',

    Calendly_Version: 'Calendly Links version {0}',
    Calendly_ReleaseNotes: 'Release notes',
    Calendly_UpgradeSteps: 'How to upgrade'
} as const;

export type IntegrationLabel = keyof typeof INTEGRATION_LABELS;

/** A short description for translators: the label's name without the prefix, in words. */
function describe(name: string): string {
    const words = name
        .replace(/^Calendly_/, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase();
    return `Calendly integration page: ${words}`;
}

/** Every custom label of the package, in one file as Salesforce keeps them. */
export function customLabels(): MetadataFile[] {
    const labels: Definition<md.CustomLabel>[] = Object.entries(INTEGRATION_LABELS)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([fullName, value]) => ({
            fullName,
            categories: 'CalendlyIntegration',
            language: 'en_US',
            protected: true,
            shortDescription: describe(fullName),
            value
        }));
    return [
        metadataFile(`${PACKAGE_DIR}/labels/CustomLabels.labels-meta.xml`, 'CustomLabels', {
            labels
        })
    ];
}
