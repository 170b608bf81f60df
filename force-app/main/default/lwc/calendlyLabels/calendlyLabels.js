/**
 * The integration page's text, for its components. Each import is a Custom Label of the
 * package (defined in scripts/metadata/labels.ts), so admins can translate it.
 */
import PageTitle from '@salesforce/label/c.Calendly_PageTitle';
import PageSubtitle from '@salesforce/label/c.Calendly_PageSubtitle';
import Refresh from '@salesforce/label/c.Calendly_Refresh';
import Loading from '@salesforce/label/c.Calendly_Loading';
import UnknownError from '@salesforce/label/c.Calendly_UnknownError';
import ConnectionTitle from '@salesforce/label/c.Calendly_ConnectionTitle';
import Connected from '@salesforce/label/c.Calendly_Connected';
import NotConnected from '@salesforce/label/c.Calendly_NotConnected';
import ConnectedUser from '@salesforce/label/c.Calendly_ConnectedUser';
import ConnectedOrganization from '@salesforce/label/c.Calendly_ConnectedOrganization';
import ConnectHeading from '@salesforce/label/c.Calendly_ConnectHeading';
import ConnectStep1 from '@salesforce/label/c.Calendly_ConnectStep1';
import ConnectStep2 from '@salesforce/label/c.Calendly_ConnectStep2';
import ConnectStep3 from '@salesforce/label/c.Calendly_ConnectStep3';
import FlowTitle from '@salesforce/label/c.Calendly_FlowTitle';
import FlowActive from '@salesforce/label/c.Calendly_FlowActive';
import FlowInactive from '@salesforce/label/c.Calendly_FlowInactive';
import FlowActiveText from '@salesforce/label/c.Calendly_FlowActiveText';
import FlowMissingText from '@salesforce/label/c.Calendly_FlowMissingText';
import FlowStep1 from '@salesforce/label/c.Calendly_FlowStep1';
import FlowStep2 from '@salesforce/label/c.Calendly_FlowStep2';
import FlowStep3 from '@salesforce/label/c.Calendly_FlowStep3';
import FlowSetupLink from '@salesforce/label/c.Calendly_FlowSetupLink';
import SyncTitle from '@salesforce/label/c.Calendly_SyncTitle';
import SyncHelp from '@salesforce/label/c.Calendly_SyncHelp';
import SyncButton from '@salesforce/label/c.Calendly_SyncButton';
import SyncStarting from '@salesforce/label/c.Calendly_SyncStarting';
import SyncInProgress from '@salesforce/label/c.Calendly_SyncInProgress';
import RunQueued from '@salesforce/label/c.Calendly_RunQueued';
import RunRunning from '@salesforce/label/c.Calendly_RunRunning';
import RunStartedBy from '@salesforce/label/c.Calendly_RunStartedBy';
import ProgressLabel from '@salesforce/label/c.Calendly_ProgressLabel';
import ProgressCount from '@salesforce/label/c.Calendly_ProgressCount';
import ProgressCountOpen from '@salesforce/label/c.Calendly_ProgressCountOpen';
import PhaseMembers from '@salesforce/label/c.Calendly_PhaseMembers';
import PhaseManagedEvents from '@salesforce/label/c.Calendly_PhaseManagedEvents';
import PhaseDeactivation from '@salesforce/label/c.Calendly_PhaseDeactivation';
import LastRun from '@salesforce/label/c.Calendly_LastRun';
import NoRunsYet from '@salesforce/label/c.Calendly_NoRunsYet';
import NoRunsNotConnected from '@salesforce/label/c.Calendly_NoRunsNotConnected';
import OutcomeSucceeded from '@salesforce/label/c.Calendly_OutcomeSucceeded';
import OutcomePartiallySucceeded from '@salesforce/label/c.Calendly_OutcomePartiallySucceeded';
import OutcomeFailed from '@salesforce/label/c.Calendly_OutcomeFailed';
import Issues from '@salesforce/label/c.Calendly_Issues';
import StatusQueued from '@salesforce/label/c.Calendly_StatusQueued';
import StatusRunning from '@salesforce/label/c.Calendly_StatusRunning';
import StatusSucceeded from '@salesforce/label/c.Calendly_StatusSucceeded';
import StatusPartiallySucceeded from '@salesforce/label/c.Calendly_StatusPartiallySucceeded';
import StatusFailed from '@salesforce/label/c.Calendly_StatusFailed';
import OriginManual from '@salesforce/label/c.Calendly_OriginManual';
import OriginScheduled from '@salesforce/label/c.Calendly_OriginScheduled';
import CountCreated from '@salesforce/label/c.Calendly_CountCreated';
import CountUpdated from '@salesforce/label/c.Calendly_CountUpdated';
import CountUnchanged from '@salesforce/label/c.Calendly_CountUnchanged';
import CountDeactivated from '@salesforce/label/c.Calendly_CountDeactivated';
import CountSkipped from '@salesforce/label/c.Calendly_CountSkipped';
import CountFailed from '@salesforce/label/c.Calendly_CountFailed';
import HourlyTitle from '@salesforce/label/c.Calendly_HourlyTitle';
import HourlyToggle from '@salesforce/label/c.Calendly_HourlyToggle';
import HourlyOn from '@salesforce/label/c.Calendly_HourlyOn';
import HourlyOff from '@salesforce/label/c.Calendly_HourlyOff';
import HourlyNext from '@salesforce/label/c.Calendly_HourlyNext';
import HourlyOffText from '@salesforce/label/c.Calendly_HourlyOffText';
import HourlyNotConnected from '@salesforce/label/c.Calendly_HourlyNotConnected';
import RecentRunsTitle from '@salesforce/label/c.Calendly_RecentRunsTitle';
import NoRecentRuns from '@salesforce/label/c.Calendly_NoRecentRuns';
import ColumnRun from '@salesforce/label/c.Calendly_ColumnRun';
import ColumnStatus from '@salesforce/label/c.Calendly_ColumnStatus';
import ColumnOrigin from '@salesforce/label/c.Calendly_ColumnOrigin';
import ColumnStartedBy from '@salesforce/label/c.Calendly_ColumnStartedBy';
import ColumnQueuedAt from '@salesforce/label/c.Calendly_ColumnQueuedAt';
import ColumnEndedAt from '@salesforce/label/c.Calendly_ColumnEndedAt';
import MappingTitle from '@salesforce/label/c.Calendly_MappingTitle';
import MappingSummary from '@salesforce/label/c.Calendly_MappingSummary';
import MappingNoFlow from '@salesforce/label/c.Calendly_MappingNoFlow';
import MappingNone from '@salesforce/label/c.Calendly_MappingNone';
import MappingNoLinks from '@salesforce/label/c.Calendly_MappingNoLinks';
import MappingMore from '@salesforce/label/c.Calendly_MappingMore';
import MappingCheckMore from '@salesforce/label/c.Calendly_MappingCheckMore';
import ColumnLink from '@salesforce/label/c.Calendly_ColumnLink';
import ColumnEmail from '@salesforce/label/c.Calendly_ColumnEmail';
import ColumnProblem from '@salesforce/label/c.Calendly_ColumnProblem';
import ColumnUsers from '@salesforce/label/c.Calendly_ColumnUsers';
import ProblemNoActiveUser from '@salesforce/label/c.Calendly_ProblemNoActiveUser';
import ProblemSeveralActiveUsers from '@salesforce/label/c.Calendly_ProblemSeveralActiveUsers';
import ProblemNotCopied from '@salesforce/label/c.Calendly_ProblemNotCopied';
import ProblemNoFlow from '@salesforce/label/c.Calendly_ProblemNoFlow';
import SharedTitle from '@salesforce/label/c.Calendly_SharedTitle';
import SharedText from '@salesforce/label/c.Calendly_SharedText';
import SharedLink from '@salesforce/label/c.Calendly_SharedLink';
import RunStale from '@salesforce/label/c.Calendly_RunStale';
import Version from '@salesforce/label/c.Calendly_Version';
import ReleaseNotes from '@salesforce/label/c.Calendly_ReleaseNotes';
import UpgradeSteps from '@salesforce/label/c.Calendly_UpgradeSteps';

/** Every label, for the template: {label.SyncButton}. */
export const LABELS = {
    PageTitle,
    PageSubtitle,
    Refresh,
    Loading,
    UnknownError,
    ConnectionTitle,
    Connected,
    NotConnected,
    ConnectedUser,
    ConnectedOrganization,
    ConnectHeading,
    ConnectStep1,
    ConnectStep2,
    ConnectStep3,
    FlowTitle,
    FlowActive,
    FlowInactive,
    FlowActiveText,
    FlowMissingText,
    FlowStep1,
    FlowStep2,
    FlowStep3,
    FlowSetupLink,
    SyncTitle,
    SyncHelp,
    SyncButton,
    SyncStarting,
    SyncInProgress,
    RunQueued,
    RunRunning,
    RunStartedBy,
    ProgressLabel,
    ProgressCount,
    ProgressCountOpen,
    PhaseMembers,
    PhaseManagedEvents,
    PhaseDeactivation,
    LastRun,
    NoRunsYet,
    NoRunsNotConnected,
    OutcomeSucceeded,
    OutcomePartiallySucceeded,
    OutcomeFailed,
    Issues,
    StatusQueued,
    StatusRunning,
    StatusSucceeded,
    StatusPartiallySucceeded,
    StatusFailed,
    OriginManual,
    OriginScheduled,
    CountCreated,
    CountUpdated,
    CountUnchanged,
    CountDeactivated,
    CountSkipped,
    CountFailed,
    HourlyTitle,
    HourlyToggle,
    HourlyOn,
    HourlyOff,
    HourlyNext,
    HourlyOffText,
    HourlyNotConnected,
    RecentRunsTitle,
    NoRecentRuns,
    ColumnRun,
    ColumnStatus,
    ColumnOrigin,
    ColumnStartedBy,
    ColumnQueuedAt,
    ColumnEndedAt,
    MappingTitle,
    MappingSummary,
    MappingNoFlow,
    MappingNone,
    MappingNoLinks,
    MappingMore,
    MappingCheckMore,
    ColumnLink,
    ColumnEmail,
    ColumnProblem,
    ColumnUsers,
    ProblemNoActiveUser,
    ProblemSeveralActiveUsers,
    ProblemNotCopied,
    ProblemNoFlow,
    SharedTitle,
    SharedText,
    SharedLink,
    RunStale,
    Version,
    ReleaseNotes,
    UpgradeSteps
};
