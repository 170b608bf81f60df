import { PACKAGE_DIR, USER_LINK_FIELD } from '../names';
import { metadataFile, type MetadataFile } from '../types';

/**
 * A User field that holds a Calendly link for merge fields: text, not URL, because the value
 * keeps https://. The package's own field and the fields an org's flow copies create share it.
 */
export function userLinkTextField(
    directory: string,
    fullName: string,
    label: string,
    description: string
): MetadataFile {
    return metadataFile(
        `${directory}/objects/User/fields/${fullName}.field-meta.xml`,
        'CustomField',
        {
            fullName,
            description,
            externalId: false,
            inlineHelpText: 'Your Calendly scheduling link. Filled in by the Calendly link sync.',
            label,
            length: 255,
            required: false,
            trackFeedHistory: false,
            trackTrending: false,
            type: 'Text',
            unique: false
        }
    );
}

/** The User field that merge fields read. */
export function userLinkField(): MetadataFile[] {
    return [
        userLinkTextField(
            PACKAGE_DIR,
            USER_LINK_FIELD,
            'Calendly Link',
            "The user's Calendly profile link, including https://, copied from the matching Calendly Link record by an active copy of the MapUserCalendlyLinkTemplate flow. Use it in merge fields."
        )
    ];
}
