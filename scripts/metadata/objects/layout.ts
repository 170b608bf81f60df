import type * as md from '@salesforce/types/metadata';
import { LINK_FIELDS as F, LINK_OBJECT, PACKAGE_DIR } from '../names';
import { metadataFile, type Definition, type MetadataFile } from '../types';

type Item = Definition<md.LayoutItem>;

const edit = (field: string): Item => ({ behavior: 'Edit', field });
const readonly = (field: string): Item => ({ behavior: 'Readonly', field });
const required = (field: string): Item => ({ behavior: 'Required', field });

function section(label: string, left: Item[], right: Item[]): Definition<md.LayoutSection> {
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
                        [edit(F.isActive), readonly(F.lastSyncedAt), edit('OwnerId')]
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
