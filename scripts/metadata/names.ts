import * as path from 'node:path';
import { packagedDirectory, readProjectConfig, sourceApiVersion } from '../project';

/** This repository's sfdx-project.json: the package folder and API version come from it. */
const PROJECT = readProjectConfig(path.resolve(__dirname, '..', '..'));

/** Where the package's metadata is generated: the packaged directory's main/default. */
export const PACKAGE_DIR = `${packagedDirectory(PROJECT).path}/main/default`;
/** The API version every generated file is written for: sfdx-project.json's sourceApiVersion. */
export const API_VERSION = sourceApiVersion(PROJECT);

/*
 * API names that admins, flows, Apex and email templates rely on. They are fixed: renaming one
 * breaks every subscriber's merge fields and flow copies.
 */

export const LINK_OBJECT = 'CalendlyLink__c';
export const LINK_FIELDS = {
    url: 'Url__c',
    email: 'Email__c',
    linkType: 'LinkType__c',
    calendlyUri: 'CalendlyUri__c',
    calendlyUserUri: 'CalendlyUserUri__c',
    calendlyUserName: 'CalendlyUserName__c',
    eventTypeName: 'EventTypeName__c',
    eventTypeSlug: 'EventTypeSlug__c',
    isActive: 'IsActive__c',
    lastSyncedAt: 'LastSyncedAt__c',
    missedRuns: 'MissedRuns__c'
} as const;

export const LINK_TYPES = { profile: 'Profile', managedEvent: 'ManagedEvent' } as const;

export const USER_LINK_FIELD = 'Calendly_Link__c';

export const PERMISSION_SETS = {
    admin: 'Calendly_Links_Admin',
    reader: 'Calendly_Links_Reader'
} as const;

export const FLOW_TEMPLATE = 'MapUserCalendlyLinkTemplate';

/**
 * Set automatically on every link and never changed: the sync keeps, during a run, one bit per
 * sync number instead of writing unchanged links, to find the links Calendly no longer returns.
 * Not one of LINK_FIELDS: an auto-number can't be written, so admins may only read it.
 */
export const LINK_SYNC_NUMBER_FIELD = 'SyncNumber__c';

/** One run of the sync: its status, who or what started it, its progress and its counts. */
export const RUN_OBJECT = 'CalendlySyncRun__c';
export const RUN_FIELDS = {
    status: 'Status__c',
    origin: 'Origin__c',
    phase: 'Phase__c',
    statusDetail: 'StatusDetail__c',
    startedAt: 'StartedAt__c',
    endedAt: 'EndedAt__c',
    lastProgressAt: 'LastProgressAt__c',
    step: 'Step__c',
    organizationUri: 'OrganizationUri__c',
    activeRunKey: 'ActiveRunKey__c',
    pagesRead: 'PagesRead__c',
    membersRead: 'MembersRead__c',
    managedEventTypesRead: 'ManagedEventTypesRead__c',
    expectedLinks: 'ExpectedLinks__c',
    linksCreated: 'LinksCreated__c',
    linksUpdated: 'LinksUpdated__c',
    linksUnchanged: 'LinksUnchanged__c',
    linksDeactivated: 'LinksDeactivated__c',
    linksMissed: 'LinksMissed__c',
    linksSkipped: 'LinksSkipped__c',
    linksFailed: 'LinksFailed__c',
    errorSummary: 'ErrorSummary__c',
    issues: 'Issues__c'
} as const;

export const RUN_STATUSES = {
    queued: 'Queued',
    running: 'Running',
    succeeded: 'Succeeded',
    partiallySucceeded: 'PartiallySucceeded',
    failed: 'Failed'
} as const;

export const RUN_ORIGINS = { manual: 'Manual', scheduled: 'Scheduled' } as const;

export const RUN_PHASES = {
    members: 'Members',
    managedEvents: 'ManagedEvents',
    deactivation: 'Deactivation'
} as const;

/**
 * The connection to the Calendly API: an External Credential whose named principal holds an
 * owner's or admin's personal access token, and the Named Credential that Apex calls.
 */
export const CREDENTIALS = {
    external: 'Calendly',
    named: 'Calendly',
    principal: 'CalendlyAdmin',
    tokenParameter: 'Token',
    url: 'https://api.calendly.com'
} as const;

/** The Apex class that the Lightning components call; admins get access to it. */
export const SYNC_CONTROLLER_CLASS = 'CalendlySyncController';
