import type { CommandSpec } from '../shared/command';

export const generateCommand = {
    command: 'npm run generate',
    description: `Writes the package metadata (force-app) from the TypeScript definitions in scripts/metadata.
To write an org's active copy of the flow template instead: npm run generate -- flow (its own
--help lists the options).`,
    subcommands: ['flow'],
    options: {
        check: {
            type: 'boolean',
            description:
                'write nothing; list the files that differ from the definitions and exit 1 if any'
        }
    },
    exitCodes: {
        0: 'written (or, with --check, up to date)',
        1: 'with --check, stale files',
        2: 'bad usage',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

export const flowCopyCommand = {
    command: 'npm run generate -- flow',
    description: `Writes an active copy of the MapUserCalendlyLinkTemplate flow (what Save As, a few edits and
Activate give in Flow Builder) into the unpackaged directory of sfdx-project.json, never into
the package.`,
    options: {
        name: {
            type: 'string',
            value: 'API_NAME',
            required: { example: 'Map_User_Calendly_Link' },
            description: "the copy's API name, e.g. Map_User_Calendly_Link"
        },
        label: {
            type: 'string',
            value: 'TEXT',
            description: 'its label (default: the API name with spaces)'
        },
        description: {
            type: 'string',
            value: 'TEXT',
            description: 'its description (default: what the copy maps, and to which field)'
        },
        'link-type': {
            type: 'string',
            value: 'TYPE',
            description: 'Profile (default) or ManagedEvent'
        },
        'event-slug': {
            type: 'string',
            value: 'SLUG',
            description: "with ManagedEvent: the event type's slug, e.g. intro-call"
        },
        'event-name': {
            type: 'string',
            value: 'NAME',
            description: 'with ManagedEvent: the event type\'s name instead, e.g. "Intro call"'
        },
        'user-field': {
            type: 'string',
            value: 'FIELD',
            description:
                'the User text field that gets the link (default: Calendly_Link__c; required with ManagedEvent)'
        },
        'create-field': {
            type: 'boolean',
            description:
                'also write the User field (Text 255) and a permission set that grants read access to it'
        },
        'field-label': {
            type: 'string',
            value: 'TEXT',
            description: "the created field's label (default: the field name with spaces)"
        },
        namespace: {
            type: 'string',
            value: 'PREFIX',
            description:
                "for an org where the package is installed: spell the package's object and fields with the prefix (PREFIX__Url__c), as a Save As copy does"
        },
        'trigger-order': {
            type: 'string',
            value: 'N',
            description: "the copy's trigger order, 1 to 2000 (default 500)"
        },
        force: {
            type: 'boolean',
            description: 'overwrite a copy, field or permission set this command wrote before'
        }
    },
    exitCodes: {
        0: 'written',
        2: 'refused (the message says which option to change)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
