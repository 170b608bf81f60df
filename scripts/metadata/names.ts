/**
 * API names that admins, flows, Apex and email templates rely on. They are fixed: renaming one
 * breaks every subscriber's merge fields and flow copies.
 */
export const PACKAGE_DIR = 'force-app/main/default';
export const API_VERSION = '66.0';

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
    lastSyncedAt: 'LastSyncedAt__c'
} as const;

export const LINK_TYPES = { profile: 'Profile', managedEvent: 'ManagedEvent' } as const;

export const USER_LINK_FIELD = 'Calendly_Link__c';

export const PERMISSION_SETS = {
    admin: 'Calendly_Links_Admin',
    reader: 'Calendly_Links_Reader'
} as const;

export const FLOW_TEMPLATE = 'MapUserCalendlyLinkTemplate';
