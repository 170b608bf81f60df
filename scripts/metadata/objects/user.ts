import { PACKAGE_DIR, USER_LINK_FIELD } from '../names';
import { metadataFile, type MetadataFile } from '../types';

/** The User field that merge fields read: text, not URL, because the value keeps https://. */
export function userLinkField(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/objects/User/fields/${USER_LINK_FIELD}.field-meta.xml`,
            'CustomField',
            {
                fullName: USER_LINK_FIELD,
                description:
                    "The user's Calendly profile link, including https://, copied from the matching Calendly Link record by an active copy of the MapUserCalendlyLinkTemplate flow. Use it in merge fields.",
                externalId: false,
                inlineHelpText:
                    'Your Calendly scheduling link. Filled in by the Calendly link sync.',
                label: 'Calendly Link',
                length: 255,
                required: false,
                trackFeedHistory: false,
                trackTrending: false,
                type: 'Text',
                unique: false
            }
        )
    ];
}
