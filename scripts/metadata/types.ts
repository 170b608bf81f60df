import type * as md from '@salesforce/types/metadata';
import type { MetadataRecord } from '../xml/write';

/** Properties of T whose values are lists. */
type ListKeys<T> = {
    [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? K : never;
}[keyof T];

/**
 * The shape a definition takes for a metadata type of `@salesforce/types`. Salesforce's types
 * mark every list as present; a definition leaves out the lists it does not use. Numbers may
 * be written as text to keep Salesforce's spelling (`'66.0'`), dates are ISO text.
 */
export type Definition<T> = T extends Date
    ? string
    : T extends number
      ? number | `${number}`
      : T extends string | boolean
        ? T
        : T extends readonly (infer E)[]
          ? readonly Definition<E>[]
          : T extends object
            ? { [K in keyof T as K extends ListKeys<T> ? never : K]: Definition<T[K]> } & {
                  [K in keyof T as K extends ListKeys<T> ? K : never]?: Definition<T[K]>;
              }
            : T;

/** The metadata types the package defines, by their Metadata API name. */
export interface DefinedTypes {
    CustomObject: md.CustomObject;
    CustomField: md.CustomField;
    ListView: md.ListView;
    Layout: md.Layout;
    CustomTab: md.CustomTab;
    CustomLabels: md.CustomLabels;
    CustomPermission: md.CustomPermission;
    FlexiPage: md.FlexiPage;
    PermissionSet: md.PermissionSet;
    Flow: md.Flow;
    FlowTest: md.FlowTest;
    ExternalCredential: md.ExternalCredential;
    NamedCredential: md.NamedCredential;
}

/** One source-format file the generator writes. */
export interface MetadataFile {
    /** Path from the project root, with forward slashes. */
    readonly path: string;
    /** The Metadata API type of the file's root element. */
    readonly type: keyof DefinedTypes;
    readonly value: MetadataRecord;
}

export function metadataFile<K extends keyof DefinedTypes>(
    path: string,
    type: K,
    value: Definition<DefinedTypes[K]>
): MetadataFile {
    return { path, type, value };
}
