import { FLOW_TEMPLATE, LINK_TYPES, USER_LINK_FIELD } from '../names';
import { userLinkTextField } from '../objects/user';
import { metadataFile, type MetadataFile } from '../types';
import { mapUserLinkFlow, type LinkSelection } from './mapUserCalendlyLink';

/** An org's own active copy of the template, as an admin makes it with Save As and edits. */
export interface FlowCopyRequest {
    readonly apiName: string;
    readonly label: string;
    /** The copy's description; one that says what this copy maps is written when absent. */
    readonly description?: string;
    readonly links: LinkSelection;
    /** The User text field that receives the link, without a namespace prefix. */
    readonly userField: string;
    /** The package's namespace, for an org where the package is installed. */
    readonly namespace?: string;
    readonly triggerOrder: number;
    /** Also define the User field and a permission set that grants it. */
    readonly createField?: { readonly label: string };
    /** The source directory of the org's own metadata, e.g. `unpackaged/main/default`. */
    readonly directory: string;
}

/** The field's API name as the copy spells it: the package's own field carries the prefix. */
export function userFieldReference(request: FlowCopyRequest): string {
    return request.namespace && request.userField === USER_LINK_FIELD
        ? `${request.namespace}__${request.userField}`
        : request.userField;
}

function linksText(links: LinkSelection): string {
    if (links.linkType === LINK_TYPES.profile) {
        return 'each active Calendly profile link';
    }
    const event = links.event;
    return `each active Calendly managed-event link of the event type whose ${event.by} is "${event.value}"`;
}

function linkName(links: LinkSelection): string {
    return links.linkType === LINK_TYPES.profile
        ? 'Calendly profile link'
        : `Calendly link for the managed event type whose ${links.event.by} is "${links.event.value}"`;
}

/** What this copy does, in the words of the template's description. */
export function copyDescription(request: FlowCopyRequest): string {
    return [
        `Copies ${linksText(request.links)} to the User field ${userFieldReference(request)} of every active user whose email matches the link's email`,
        `(case-insensitive; in a sandbox also the email with .invalid appended), and clears it from active users holding it when the link is deactivated.`,
        `An active copy of the ${FLOW_TEMPLATE} flow template.`
    ].join(' ');
}

/** The permission set that grants a created User field: named after the field. */
export function accessPermissionSetName(field: string): string {
    return `${field.replace(/__c$/, '')}_Access`;
}

/** The copy, and when asked, its User field and the permission set that grants it. */
export function flowCopyFiles(request: FlowCopyRequest): MetadataFile[] {
    const files = [
        mapUserLinkFlow({
            apiName: request.apiName,
            label: request.label,
            description: request.description ?? copyDescription(request),
            interviewLabel: `${request.label} {!$Record.Name}`,
            links: request.links,
            userField: request.userField,
            ...(request.namespace ? { namespace: request.namespace } : {}),
            kind: 'active-copy',
            triggerOrder: request.triggerOrder,
            directory: request.directory
        })
    ];
    if (request.createField) {
        files.push(
            userField(request, request.createField.label),
            fieldPermissionSet(request, request.createField.label)
        );
    }
    return files;
}

/** A text field, as the package's own User field. */
function userField(request: FlowCopyRequest, label: string): MetadataFile {
    return userLinkTextField(
        request.directory,
        request.userField,
        label,
        `The user's ${linkName(request.links)}, including https://, copied by the ${request.apiName} flow from the link whose email matches the user's. Use it in merge fields.`
    );
}

/**
 * Read access only: the flow writes the field in system context, and people only need to see it
 * (and use it in merge fields). Without a grant, a field deployed by metadata is visible to no one.
 */
function fieldPermissionSet(request: FlowCopyRequest, label: string): MetadataFile {
    const name = accessPermissionSetName(request.userField);
    return metadataFile(
        `${request.directory}/permissionsets/${name}.permissionset-meta.xml`,
        'PermissionSet',
        {
            description: `Read access to the user field ${label} (${request.userField}), which the ${request.apiName} flow fills in, for users whose emails and automations use it.`,
            fieldPermissions: [
                { editable: false, field: `User.${request.userField}`, readable: true }
            ],
            hasActivationRequired: false,
            label: `${label} Access`.slice(0, 80)
        }
    );
}
