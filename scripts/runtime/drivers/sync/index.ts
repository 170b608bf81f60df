export {
    benchFailures,
    benchSyncs,
    busiestLimits,
    NO_RATE_LIMIT,
    unchangedSize,
    type BenchRun,
    type BenchUnchanged,
    type SyncBench
} from './bench';
export {
    ADMIN_PERMISSION_SET,
    limitShare,
    managedEventTypes,
    minimumRequests,
    SyncOrg,
    teamUsers,
    TEMPLATE,
    type SyncOrgOptions
} from './org';
export { formatBytes, formatStepLimits, formatTour, syncJson, tourJson } from './report';
export { runTour, tourHeld, TOUR_TEAM, type Tour, type TourCheck, type TourSync } from './tour';
export * from './types';
