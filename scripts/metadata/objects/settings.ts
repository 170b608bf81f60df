import type * as md from '@salesforce/types/metadata';
import type { Definition } from '../types';

/**
 * Settings every custom object of the package shares: deployed, reportable, shareable, and
 * available to the bulk and streaming APIs, without activities, feeds, history or licensing.
 */
export const OBJECT_SETTINGS = {
    allowInChatterGroups: false,
    compactLayoutAssignment: 'SYSTEM',
    deploymentStatus: 'Deployed',
    enableActivities: false,
    enableBulkApi: true,
    enableFeeds: false,
    enableHistory: false,
    enableLicensing: false,
    enableReports: true,
    enableSharing: true,
    enableStreamingApi: true,
    externalSharingModel: 'Private',
    visibility: 'Public'
} as const satisfies Partial<Definition<md.CustomObject>>;
