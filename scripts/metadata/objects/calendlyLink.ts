import type * as md from '@salesforce/types/metadata';
import { LINK_FIELDS as F, LINK_OBJECT, LINK_SYNC_NUMBER_FIELD, LINK_TYPES } from '../names';
import type { Definition, MetadataFile } from '../types';
import {
    countField,
    customObjectFiles,
    dateTimeField,
    emailField,
    picklistField,
    textField
} from './customObject';
import { OBJECT_SETTINGS } from './settings';

/** The link object: one record per Calendly profile link or managed-event link. */
export function calendlyLinkObject(): MetadataFile[] {
    return customObjectFiles(
        LINK_OBJECT,
        {
            ...OBJECT_SETTINGS,
            description:
                "One Calendly scheduling link: a member's profile link or a managed event type's link. The hourly sync keeps these records current; record-triggered flows copy profile links to users.",
            enableSearch: true,
            label: 'Calendly Link',
            nameField: { label: 'Calendly Link Name', trackHistory: false, type: 'Text' },
            pluralLabel: 'Calendly Links',
            searchLayouts: {
                customTabListAdditionalFields: [F.linkType, F.email, F.url, F.isActive],
                lookupDialogsAdditionalFields: [F.linkType, F.email, F.url],
                lookupPhoneDialogsAdditionalFields: [],
                searchResultsAdditionalFields: [F.linkType, F.email, F.url, F.isActive]
            },
            sharingModel: 'Read'
        },
        linkFields(),
        linkListViews()
    );
}

function linkFields(): Definition<md.CustomField>[] {
    return [
        {
            ...textField(F.url, 'URL', 'The scheduling link, including https://.'),
            inlineHelpText: 'The Calendly scheduling link, including https://.',
            required: true
        },
        emailField(
            F.email,
            'Email',
            'Email address of the Calendly user the link belongs to; flows match it to user emails. An address this field would refuse (over 80 characters, as User.Email, or not an address) is never written: the sync skips the link and says why.'
        ),
        picklistField(
            F.linkType,
            'Link Type',
            "Profile for a member's profile link, Managed Event for an admin-managed event type's link.",
            [
                [LINK_TYPES.profile, 'Profile'],
                [LINK_TYPES.managedEvent, 'Managed Event']
            ]
        ),
        {
            ...textField(
                F.calendlyUri,
                'Calendly URI',
                'The Calendly resource the link belongs to: the user URI for a profile link, the event type URI for a managed-event link. The sync finds each stored link by it, then inserts the new links and updates the changed ones.'
            ),
            caseSensitive: true,
            externalId: true,
            unique: true
        },
        textField(
            F.calendlyUserUri,
            'Calendly User URI',
            'URI of the Calendly user who owns the link.'
        ),
        textField(
            F.calendlyUserName,
            'Calendly User Name',
            'Name of the Calendly user who owns the link.'
        ),
        textField(
            F.eventTypeName,
            'Event Type Name',
            'Name of the managed event type; empty for profile links.'
        ),
        textField(
            F.eventTypeSlug,
            'Event Type Slug',
            'Slug of the managed event type, as in its link; empty for profile links.'
        ),
        {
            fullName: F.isActive,
            defaultValue: 'true',
            description:
                'False once two complete runs of the sync in a row did not find the link in Calendly, or once Calendly returns it without an email or an https link. Deactivating a profile link clears it from users.',
            externalId: false,
            inlineHelpText: 'Unchecked when the link no longer exists in Calendly.',
            label: 'Active',
            trackTrending: false,
            type: 'Checkbox'
        },
        dateTimeField(F.lastSyncedAt, 'Last Synced At', 'When the sync last wrote this record.'),
        {
            ...countField(
                F.missedRuns,
                'Missed Runs',
                'Complete runs of the sync in a row that did not find the link in Calendly: the first miss keeps the link active (a member or event type that moves between two pages of one run is not seen by it), the second deactivates it. Back to 0 when a run finds the link again.'
            ),
            precision: 3
        },
        {
            fullName: LINK_SYNC_NUMBER_FIELD,
            description:
                'Set automatically when the link is created, never changed. During a run the sync keeps one bit per sync number for the links Calendly still returns, so it finds the links to deactivate without writing the unchanged ones.',
            displayFormat: '{0}',
            externalId: false,
            label: 'Sync Number',
            trackTrending: false,
            type: 'AutoNumber'
        }
    ];
}

function listView(
    fullName: string,
    label: string,
    filters: Definition<md.ListViewFilter>[]
): Definition<md.ListView> {
    return {
        fullName,
        columns: ['NAME', F.linkType, F.email, F.url, F.isActive, F.lastSyncedAt],
        filterScope: 'Everything',
        filters,
        label
    };
}

function linkListViews(): Definition<md.ListView>[] {
    return [
        listView('All', 'All Calendly Links', []),
        listView('Active_Profile_Links', 'Active Profile Links', [
            { field: F.linkType, operation: 'equals', value: LINK_TYPES.profile },
            { field: F.isActive, operation: 'equals', value: '1' }
        ]),
        listView('Active_Managed_Event_Links', 'Active Managed Event Links', [
            { field: F.linkType, operation: 'equals', value: LINK_TYPES.managedEvent },
            { field: F.isActive, operation: 'equals', value: '1' }
        ]),
        listView('Inactive_Links', 'Inactive Links', [
            { field: F.isActive, operation: 'equals', value: '0' }
        ])
    ];
}
