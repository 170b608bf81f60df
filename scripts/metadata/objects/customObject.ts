import type * as md from '@salesforce/types/metadata';
import { PACKAGE_DIR } from '../names';
import { metadataFile, type Definition, type MetadataFile } from '../types';

/**
 * The files of a custom object of the package: the object, then each of its fields and list
 * views in a file of its own, as source format keeps them.
 */
export function customObjectFiles(
    objectName: string,
    object: Definition<md.CustomObject>,
    fields: readonly Definition<md.CustomField>[],
    listViews: readonly Definition<md.ListView>[]
): MetadataFile[] {
    const directory = `${PACKAGE_DIR}/objects/${objectName}`;
    return [
        metadataFile(`${directory}/${objectName}.object-meta.xml`, 'CustomObject', object),
        ...fields.map((field) =>
            metadataFile(
                `${directory}/fields/${String(field.fullName)}.field-meta.xml`,
                'CustomField',
                field
            )
        ),
        ...listViews.map((view) =>
            metadataFile(
                `${directory}/listViews/${String(view.fullName)}.listView-meta.xml`,
                'ListView',
                view
            )
        )
    ];
}

/** What every field of the package's objects says unless it says otherwise. */
const FIELD_DEFAULTS = {
    externalId: false,
    required: false,
    trackTrending: false
} as const;

export function textField(
    fullName: string,
    label: string,
    description: string,
    length = 255
): Definition<md.CustomField> {
    return { ...FIELD_DEFAULTS, fullName, description, label, length, type: 'Text', unique: false };
}

export function emailField(
    fullName: string,
    label: string,
    description: string
): Definition<md.CustomField> {
    return { ...FIELD_DEFAULTS, fullName, description, label, type: 'Email', unique: false };
}

/** A whole number that starts at 0. */
export function countField(
    fullName: string,
    label: string,
    description: string
): Definition<md.CustomField> {
    return {
        ...FIELD_DEFAULTS,
        fullName,
        defaultValue: '0',
        description,
        label,
        precision: 9,
        scale: 0,
        type: 'Number',
        unique: false
    };
}

export function dateTimeField(
    fullName: string,
    label: string,
    description: string
): Definition<md.CustomField> {
    return { ...FIELD_DEFAULTS, fullName, description, label, type: 'DateTime' };
}

/** A long text area, which has no `required` element. */
export function longTextField(
    fullName: string,
    label: string,
    description: string,
    length: number,
    visibleLines: number
): Definition<md.CustomField> {
    return {
        fullName,
        description,
        externalId: false,
        label,
        length,
        trackTrending: false,
        type: 'LongTextArea',
        visibleLines
    };
}

/** A restricted, unsorted picklist without a default, from its values and their labels. */
export function picklistField(
    fullName: string,
    label: string,
    description: string,
    values: readonly (readonly [value: string, valueLabel: string])[]
): Definition<md.CustomField> {
    return {
        ...FIELD_DEFAULTS,
        fullName,
        description,
        label,
        type: 'Picklist',
        valueSet: {
            restricted: true,
            valueSetDefinition: {
                sorted: false,
                value: values.map(([value, valueLabel]) => ({
                    fullName: value,
                    default: false,
                    label: valueLabel
                }))
            }
        }
    };
}
