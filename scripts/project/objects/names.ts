import type { ObjectKind } from './types';

/**
 * API names as Salesforce reads them: without regard to case, and with the namespace prefix of
 * a managed package before its own custom components (`cly__CalendlyLink__c`). A project's
 * source writes its own components without the prefix, while an org where the package is
 * installed (and an admin's copy of its flow) writes them with it, so the project's own prefix
 * is optional; another package's components cannot be checked offline.
 */
export class ApiNames {
    private readonly prefix: string | undefined;

    public constructor(public readonly namespace?: string) {
        this.prefix = namespace ? `${namespace.toLowerCase()}__` : undefined;
    }

    /**
     * The name without the project's own prefix, when it carries one before a custom name
     * (`cly__Url__c` → `Url__c`). Standard names never carry a prefix: `cly__Email` stays.
     */
    public local(name: string): string {
        if (!this.prefix || !name.toLowerCase().startsWith(this.prefix)) {
            return name;
        }
        const rest = name.slice(this.prefix.length);
        return CUSTOM_SUFFIX.test(rest) ? rest : name;
    }

    /** The key of a name: local and lower case. */
    public key(name: string): string {
        return this.local(name).toLowerCase();
    }

    /**
     * Whether an object or field name (`ns__Name__c`) belongs to another package's namespace,
     * which cannot be checked offline.
     */
    public isForeign(name: string): boolean {
        // A geolocation component (`Loc__Latitude__s`) is namespaced as its field is.
        const field = name.replace(GEOLOCATION_COMPONENT, '__c');
        return this.isOtherNamespace(NAMESPACED_CUSTOM.exec(field)?.[1]);
    }

    /** Whether a class or flow name (`ns__Name`) belongs to another package's namespace. */
    public isForeignComponent(name: string): boolean {
        return this.isOtherNamespace(/^([A-Za-z][A-Za-z0-9]*)__/.exec(name)?.[1]);
    }

    private isOtherNamespace(prefix: string | undefined): boolean {
        return prefix !== undefined && `${prefix.toLowerCase()}__` !== this.prefix;
    }
}

/** `Name__c`, `Name__r`, `Name__mdt`, `Loc__Latitude__s`: a name with a custom suffix. */
const CUSTOM_SUFFIX = /^[A-Za-z]\w*__[A-Za-z]+$/;
const GEOLOCATION_COMPONENT = /__(?:latitude|longitude)__s$/i;
const NAMESPACED_CUSTOM = /^([A-Za-z][A-Za-z0-9]*)__[A-Za-z]\w*__[A-Za-z]+$/;

/** Custom objects, custom metadata types, platform events, external and big objects. */
export function isCustomName(name: string): boolean {
    return /__(c|mdt|e|x|b)$/i.test(name);
}

/**
 * The kind of an object by its API name's suffix (Object Reference, "Custom Object__c",
 * "Custom Metadata Type__mdt"; Platform Events, Salesforce Connect and Big Objects guides), and
 * for `__c`, whether its object-meta.xml makes it a custom setting.
 */
export function objectKind(name: string, customSettingsType?: string): ObjectKind {
    const suffix = /__([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
    switch (suffix) {
        case 'c':
            return customSettingsType ? 'custom-setting' : 'custom-object';
        case 'mdt':
            return 'custom-metadata-type';
        case 'e':
            return 'platform-event';
        case 'x':
            return 'external-object';
        case 'b':
            return 'big-object';
        default:
            return 'standard';
    }
}
