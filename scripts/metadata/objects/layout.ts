import type * as md from '@salesforce/types/metadata';
import { LINK_FIELDS as F, LINK_OBJECT, PACKAGE_DIR } from '../names';
import { metadataFile, type Definition, type MetadataFile } from '../types';

export type Item = Definition<md.LayoutItem>;

export const edit = (field: string): Item => ({ behavior: 'Edit', field });
export const readonly = (field: string): Item => ({ behavior: 'Readonly', field });
export const required = (field: string): Item => ({ behavior: 'Required', field });

/** A two-column section of a page layout. */
export function section(label: string, left: Item[], right: Item[]): Definition<md.LayoutSection> {
    return {
        customLabel: true,
        detailHeading: true,
        editHeading: true,
        label,
        layoutColumns: [{ layoutItems: left }, { layoutItems: right }],
        style: 'TwoColumnsTopToBottom'
    };
}

/** The record page of a link, and the tab that lists links. */
export function calendlyLinkLayoutAndTab(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/layouts/${LINK_OBJECT}-Calendly_Link_Layout.layout-meta.xml`,
            'Layout',
            {
                layoutSections: [
                    section(
                        'Link',
                        [required('Name'), required(F.url), edit(F.linkType), edit(F.email)],
                        [
                            edit(F.isActive),
                            readonly(F.lastSyncedAt),
                            readonly(F.missedRuns),
                            edit('OwnerId')
                        ]
                    ),
                    section(
                        'Calendly',
                        [edit(F.calendlyUserName), edit(F.calendlyUserUri), edit(F.calendlyUri)],
                        [edit(F.eventTypeName), edit(F.eventTypeSlug)]
                    ),
                    section(
                        'System Information',
                        [readonly('CreatedById')],
                        [readonly('LastModifiedById')]
                    )
                ],
                showEmailCheckbox: false,
                showHighlightsPanel: false,
                showInteractionLogPanel: false,
                showRunAssignmentRulesCheckbox: false,
                showSubmitAndAttachButton: false
            }
        ),
        metadataFile(`${PACKAGE_DIR}/tabs/${LINK_OBJECT}.tab-meta.xml`, 'CustomTab', {
            customObject: true,
            description: 'Lists the Calendly links that the sync keeps.',
            motif: 'Custom53: Bell'
        })
    ];
}
