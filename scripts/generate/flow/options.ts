import { parseCommandLine, UsageError, type ParsedCommandLine } from '../../shared/command';
import type { LinkSelection } from '../../metadata/flows';
import { LINK_TYPES, USER_LINK_FIELD } from '../../metadata/names';
import { flowCopyCommand } from '../command';
import { flowMessages as M } from './messages';

/** A refusal of the command: exit code 2, and the message says which option to change. */
export class FlowCopyError extends UsageError {}

/** What `npm run generate -- flow` was asked for, checked, before looking at the project. */
export interface FlowCopyOptions {
    readonly apiName: string;
    readonly label: string;
    readonly description?: string;
    readonly links: LinkSelection;
    readonly userField: string;
    readonly createField?: { readonly label: string };
    readonly namespace?: string;
    readonly triggerOrder: number;
    readonly force: boolean;
}

const FLOW_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const FIELD_NAME = /^([A-Za-z](?:[A-Za-z0-9]|_(?!_))*)__c$/;
const PREFIXED_FIELD = /^[A-Za-z][A-Za-z0-9]*__[A-Za-z]\w*__c$/;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]{0,14}$/;
const SLUG = /^[A-Za-z0-9._~-]{1,255}$/;

const spaced = (apiName: string): string => apiName.replace(/__c$/, '').replace(/_/g, ' ').trim();

function text(option: string, value: string, max: number): string {
    if (value.trim() === '' || value.length > max || /[\r\n]/.test(value)) {
        throw new FlowCopyError(M.badLabel(option, value, max));
    }
    return value;
}

function linkSelection(
    linkType: string | undefined,
    slug: string | undefined,
    name: string | undefined
): LinkSelection {
    const type = linkType ?? LINK_TYPES.profile;
    const known = Object.values(LINK_TYPES).find(
        (candidate) => candidate.toLowerCase() === type.toLowerCase()
    );
    if (!known) {
        throw new FlowCopyError(M.badLinkType(type));
    }
    if (slug !== undefined && name !== undefined) {
        throw new FlowCopyError(M.slugAndName());
    }
    if (known === LINK_TYPES.profile) {
        if (slug !== undefined || name !== undefined) {
            throw new FlowCopyError(
                M.eventWithProfile(slug !== undefined ? '--event-slug' : '--event-name')
            );
        }
        return { linkType: LINK_TYPES.profile };
    }
    if (slug !== undefined) {
        if (!SLUG.test(slug)) {
            throw new FlowCopyError(M.badSlug(slug));
        }
        return { linkType: LINK_TYPES.managedEvent, event: { by: 'slug', value: slug } };
    }
    if (name !== undefined) {
        // The name is written into a formula's string literal, which has no escapes that the
        // formula engines agree on: characters that would end or reinterpret it are refused.
        if (name.trim() === '' || name.length > 255 || /["\\\r\n]|\{!/.test(name)) {
            throw new FlowCopyError(M.badEventName(name));
        }
        return { linkType: LINK_TYPES.managedEvent, event: { by: 'name', value: name } };
    }
    throw new FlowCopyError(M.eventMissing());
}

function userField(field: string | undefined, links: LinkSelection): string {
    if (field === undefined) {
        if (links.linkType === LINK_TYPES.managedEvent) {
            throw new FlowCopyError(M.userFieldRequired());
        }
        return USER_LINK_FIELD;
    }
    if (PREFIXED_FIELD.test(field)) {
        throw new FlowCopyError(M.prefixedUserField(field));
    }
    const base = FIELD_NAME.exec(field)?.[1];
    if (base === undefined || base.length > 40 || base.endsWith('_')) {
        throw new FlowCopyError(M.badUserField(field));
    }
    return field;
}

/**
 * Parses and checks the arguments after `flow`: the options, or 'help' when help was asked for.
 * Throws a UsageError (a FlowCopyError for a value the copy cannot take) on anything wrong.
 */
export function parseFlowCopyArgs(args: readonly string[]): FlowCopyOptions | 'help' {
    const parsed = parseCommandLine(flowCopyCommand, args);
    return parsed === 'help' ? 'help' : flowCopyOptions(parsed.values);
}

/** Checks the parsed options of `npm run generate -- flow`; throws FlowCopyError on a bad value. */
export function flowCopyOptions(
    values: ParsedCommandLine<typeof flowCopyCommand.options>['values']
): FlowCopyOptions {
    const apiName = values.name;
    if (!FLOW_NAME.test(apiName) || apiName.endsWith('_') || apiName.length > 80) {
        throw new FlowCopyError(M.badFlowName(apiName));
    }
    const links = linkSelection(values['link-type'], values['event-slug'], values['event-name']);
    const field = userField(values['user-field'], links);
    if (values['field-label'] !== undefined && !values['create-field']) {
        throw new FlowCopyError(M.fieldLabelWithoutCreate());
    }
    const namespace = values.namespace;
    if (namespace !== undefined && !NAMESPACE.test(namespace)) {
        throw new FlowCopyError(M.badNamespace(namespace));
    }
    const orderText = values['trigger-order'] ?? '500';
    const triggerOrder = /^\d{1,4}$/.test(orderText) ? Number(orderText) : NaN;
    if (!(triggerOrder >= 1 && triggerOrder <= 2000)) {
        throw new FlowCopyError(M.badTriggerOrder(orderText));
    }
    return {
        apiName,
        label: text('--label', values.label ?? spaced(apiName), 255),
        ...(values.description !== undefined
            ? { description: text('--description', values.description, 2000) }
            : {}),
        links,
        userField: field,
        ...(values['create-field']
            ? {
                  createField: {
                      label: text('--field-label', values['field-label'] ?? spaced(field), 40)
                  }
              }
            : {}),
        ...(namespace !== undefined ? { namespace } : {}),
        triggerOrder,
        force: values.force
    };
}
