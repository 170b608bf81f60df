/**
 * Standard objects and fields the validator knows without an org, from Salesforce's Object
 * Reference (developer.salesforce.com/docs/atlas.en-us.object_reference.meta). A reference to a
 * standard object or field that is missing here is reported: when Salesforce does have it, add
 * it here (with its relationships) rather than silencing the check.
 */
export interface StandardObject {
    readonly fields: readonly string[];
    /** Relationship name (as used in `Owner.Email`) to the object it points at. */
    readonly relationships: Readonly<Record<string, string>>;
}

/** System fields of every custom object (record types, multi-currency and activities add the last three). */
export const CUSTOM_OBJECT_FIELDS: readonly string[] = [
    'Id',
    'Name',
    'OwnerId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted',
    'LastViewedDate',
    'LastReferencedDate',
    'RecordTypeId',
    'CurrencyIsoCode',
    'LastActivityDate'
];

const AUDIT_RELATIONSHIPS = { CreatedBy: 'User', LastModifiedBy: 'User' } as const;

export const CUSTOM_OBJECT_RELATIONSHIPS: Readonly<Record<string, string>> = {
    ...AUDIT_RELATIONSHIPS,
    Owner: 'User',
    RecordType: 'RecordType'
};

const AUDIT_FIELDS = [
    'Id',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp'
];

const ADDRESS = (prefix: string): string[] =>
    ['Street', 'City', 'State', 'PostalCode', 'Country', 'Latitude', 'Longitude', 'Address'].map(
        (part) => `${prefix}${part}`
    );

export const STANDARD_OBJECTS: Readonly<Record<string, StandardObject>> = {
    User: {
        fields: [
            ...AUDIT_FIELDS,
            'Username',
            'LastName',
            'FirstName',
            'MiddleName',
            'Suffix',
            'Name',
            'CompanyName',
            'Division',
            'Department',
            'Title',
            ...ADDRESS(''),
            'Email',
            'EmailPreferencesAutoBcc',
            'SenderEmail',
            'SenderName',
            'Signature',
            'StayInTouchSubject',
            'StayInTouchSignature',
            'StayInTouchNote',
            'Phone',
            'Fax',
            'MobilePhone',
            'Alias',
            'CommunityNickname',
            'BadgeText',
            'IsActive',
            'TimeZoneSidKey',
            'UserRoleId',
            'LocaleSidKey',
            'ReceivesInfoEmails',
            'ReceivesAdminInfoEmails',
            'EmailEncodingKey',
            'ProfileId',
            'UserType',
            'LanguageLocaleKey',
            'EmployeeNumber',
            'DelegatedApproverId',
            'ManagerId',
            'LastLoginDate',
            'LastPasswordChangeDate',
            'OfflineTrialExpirationDate',
            'OfflinePdaTrialExpirationDate',
            'ForecastEnabled',
            'ContactId',
            'AccountId',
            'CallCenterId',
            'Extension',
            'FederationIdentifier',
            'AboutMe',
            'FullPhotoUrl',
            'SmallPhotoUrl',
            'IsExtIndicatorVisible',
            'OutOfOfficeMessage',
            'MediumPhotoUrl',
            'DigestFrequency',
            'DefaultGroupNotificationFrequency',
            'LastViewedDate',
            'LastReferencedDate',
            'BannerPhotoUrl',
            'SmallBannerPhotoUrl',
            'MediumBannerPhotoUrl',
            'IsProfilePhotoActive',
            'IndividualId',
            'FirstNameOrAlias'
        ],
        relationships: {
            ...AUDIT_RELATIONSHIPS,
            Profile: 'Profile',
            UserRole: 'UserRole',
            Manager: 'User',
            DelegatedApprover: 'User',
            Contact: 'Contact',
            Account: 'Account'
        }
    },
    Profile: {
        fields: [...AUDIT_FIELDS, 'Name', 'Description', 'UserType', 'UserLicenseId'],
        relationships: AUDIT_RELATIONSHIPS
    },
    UserRole: {
        fields: [
            ...AUDIT_FIELDS,
            'Name',
            'DeveloperName',
            'ParentRoleId',
            'RollupDescription',
            'PortalType'
        ],
        relationships: { ...AUDIT_RELATIONSHIPS, ParentRole: 'UserRole' }
    },
    Group: {
        fields: [...AUDIT_FIELDS, 'Name', 'DeveloperName', 'Type', 'Email', 'OwnerId', 'RelatedId'],
        relationships: AUDIT_RELATIONSHIPS
    },
    RecordType: {
        fields: [
            ...AUDIT_FIELDS,
            'Name',
            'DeveloperName',
            'NamespacePrefix',
            'Description',
            'BusinessProcessId',
            'SobjectType',
            'IsActive'
        ],
        relationships: AUDIT_RELATIONSHIPS
    },
    Organization: {
        fields: [
            ...AUDIT_FIELDS,
            'Name',
            'Division',
            ...ADDRESS(''),
            'Phone',
            'PrimaryContact',
            'DefaultLocaleSidKey',
            'TimeZoneSidKey',
            'LanguageLocaleKey',
            'IsSandbox',
            'InstanceName',
            'NamespacePrefix',
            'OrganizationType'
        ],
        relationships: AUDIT_RELATIONSHIPS
    },
    Account: {
        fields: [
            ...AUDIT_FIELDS,
            'IsDeleted',
            'Name',
            'Type',
            'ParentId',
            ...ADDRESS('Billing'),
            ...ADDRESS('Shipping'),
            'Phone',
            'Fax',
            'AccountNumber',
            'Website',
            'Industry',
            'AnnualRevenue',
            'NumberOfEmployees',
            'Description',
            'OwnerId',
            'RecordTypeId',
            'LastActivityDate',
            'LastViewedDate',
            'LastReferencedDate'
        ],
        relationships: {
            ...AUDIT_RELATIONSHIPS,
            Owner: 'User',
            Parent: 'Account',
            RecordType: 'RecordType'
        }
    },
    Contact: {
        fields: [
            ...AUDIT_FIELDS,
            'IsDeleted',
            'AccountId',
            'LastName',
            'FirstName',
            'Salutation',
            'Name',
            ...ADDRESS('Mailing'),
            'Phone',
            'MobilePhone',
            'Email',
            'Title',
            'Department',
            'Description',
            'OwnerId',
            'ReportsToId',
            'RecordTypeId',
            'LastActivityDate',
            'LastViewedDate',
            'LastReferencedDate'
        ],
        relationships: {
            ...AUDIT_RELATIONSHIPS,
            Account: 'Account',
            Owner: 'User',
            ReportsTo: 'Contact',
            RecordType: 'RecordType'
        }
    },
    Lead: {
        fields: [
            ...AUDIT_FIELDS,
            'IsDeleted',
            'LastName',
            'FirstName',
            'Salutation',
            'Name',
            'Title',
            'Company',
            ...ADDRESS(''),
            'Phone',
            'MobilePhone',
            'Email',
            'Website',
            'Description',
            'LeadSource',
            'Status',
            'Industry',
            'OwnerId',
            'IsConverted',
            'ConvertedDate',
            'ConvertedAccountId',
            'ConvertedContactId',
            'ConvertedOpportunityId',
            'RecordTypeId',
            'LastActivityDate',
            'LastViewedDate',
            'LastReferencedDate'
        ],
        relationships: { ...AUDIT_RELATIONSHIPS, Owner: 'User', RecordType: 'RecordType' }
    },
    Opportunity: {
        fields: [
            ...AUDIT_FIELDS,
            'IsDeleted',
            'AccountId',
            'Name',
            'Description',
            'StageName',
            'Amount',
            'Probability',
            'CloseDate',
            'Type',
            'NextStep',
            'LeadSource',
            'IsClosed',
            'IsWon',
            'ForecastCategory',
            'OwnerId',
            'RecordTypeId',
            'LastActivityDate',
            'LastViewedDate',
            'LastReferencedDate'
        ],
        relationships: {
            ...AUDIT_RELATIONSHIPS,
            Account: 'Account',
            Owner: 'User',
            RecordType: 'RecordType'
        }
    },
    Case: {
        fields: [
            ...AUDIT_FIELDS,
            'IsDeleted',
            'CaseNumber',
            'ContactId',
            'AccountId',
            'ParentId',
            'SuppliedName',
            'SuppliedEmail',
            'SuppliedPhone',
            'Type',
            'Status',
            'Reason',
            'Origin',
            'Subject',
            'Priority',
            'Description',
            'IsClosed',
            'ClosedDate',
            'OwnerId',
            'RecordTypeId',
            'LastViewedDate',
            'LastReferencedDate'
        ],
        relationships: {
            ...AUDIT_RELATIONSHIPS,
            Account: 'Account',
            Contact: 'Contact',
            Owner: 'User',
            Parent: 'Case',
            RecordType: 'RecordType'
        }
    },
    Task: {
        fields: [
            ...AUDIT_FIELDS,
            'IsDeleted',
            'WhoId',
            'WhatId',
            'Subject',
            'ActivityDate',
            'Status',
            'Priority',
            'OwnerId',
            'Description',
            'Type',
            'IsClosed',
            'AccountId',
            'TaskSubtype',
            'RecordTypeId'
        ],
        relationships: { ...AUDIT_RELATIONSHIPS, Owner: 'User', Account: 'Account' }
    },
    Event: {
        fields: [
            ...AUDIT_FIELDS,
            'IsDeleted',
            'WhoId',
            'WhatId',
            'Subject',
            'Location',
            'IsAllDayEvent',
            'ActivityDateTime',
            'ActivityDate',
            'DurationInMinutes',
            'StartDateTime',
            'EndDateTime',
            'Description',
            'AccountId',
            'OwnerId',
            'Type',
            'ShowAs',
            'EventSubtype',
            'RecordTypeId'
        ],
        relationships: { ...AUDIT_RELATIONSHIPS, Owner: 'User', Account: 'Account' }
    }
};

/**
 * Columns and filter fields of list views and search layouts that name standard fields by
 * their list-view token rather than their API name.
 */
export const LIST_VIEW_TOKENS: readonly string[] = [
    'NAME',
    'OWNER.ALIAS',
    'OWNER.FIRST_NAME',
    'OWNER.LAST_NAME',
    'OWNER.NAME',
    'CREATED_DATE',
    'CREATEDBY_USER',
    'CREATEDBY_USER.ALIAS',
    'LAST_UPDATE',
    'UPDATEDBY_USER',
    'UPDATEDBY_USER.ALIAS',
    'LAST_ACTIVITY',
    'RECORDTYPE',
    'CORE.USERS.ALIAS',
    'CORE.USERS.FIRST_NAME',
    'CORE.USERS.LAST_NAME',
    'CORE.USERS.FULL_NAME',
    'CORE.USERS.USERNAME',
    'CORE.USERS.EMAIL',
    'CORE.USERS.ACTIVE',
    'CORE.USER_ROLE.NAME',
    'CORE.PROFILE.NAME',
    'CORE.USERS.LAST_LOGIN'
];
