import type { SObjectField, SObjectInfo, StandardCatalogue } from '../../catalogue';
import { parseXml } from '../../../xml/parse';
import { objectsFromFiles } from '../load';
import type { ProjectObjects } from '../model';

/**
 * A catalogue of a few standard objects written the way the jar reader gives them, so that the
 * model's merging is tested on what each case needs.
 */
export function catalogueOf(
    objects: Readonly<Record<string, readonly SObjectField[]>>
): StandardCatalogue {
    const infos: SObjectInfo[] = Object.entries(objects).map(([name, fields]) => ({
        name,
        fields
    }));
    const find = (name: string): SObjectInfo | undefined =>
        infos.find((info) => info.name.toLowerCase() === name.toLowerCase());
    return {
        apiVersion: '65.0',
        sources: [],
        sobject: find,
        field: (object, name) =>
            find(object)?.fields.find((field) => field.name.toLowerCase() === name.toLowerCase()),
        sobjectNames: () => infos.map((info) => info.name).sort(),
        apexType: () => undefined,
        apexNamespaces: () => [],
        apexTypes: () => []
    };
}

export const value = (
    name: string,
    type: 'Id' | 'String' | 'Boolean' | 'Address' = 'String'
): SObjectField => ({
    kind: 'value',
    name,
    type
});

/** An Id field and the parent relationship beside it, as the jar gives them. */
export function lookup(idField: string, relationship: string, target: string): SObjectField[] {
    const polymorphic = target === 'Name' || target === 'SObject';
    return [
        {
            kind: 'value',
            name: idField,
            type: 'Id',
            relationshipName: relationship,
            referenceTo: target
        },
        { kind: 'parent', name: relationship, target, polymorphic, idField }
    ];
}

export const CATALOGUE = catalogueOf({
    User: [
        value('Id', 'Id'),
        value('Email'),
        value('Name'),
        value('IsActive', 'Boolean'),
        ...lookup('ProfileId', 'Profile', 'Profile'),
        ...lookup('DelegatedApproverId', 'DelegatedApprover', 'SObject')
    ],
    Profile: [value('Id', 'Id'), value('Name')],
    Account: [
        value('Id', 'Id'),
        value('Name'),
        value('BillingAddress', 'Address'),
        ...lookup('OwnerId', 'Owner', 'User')
    ],
    Lead: [value('Id', 'Id'), value('LastName'), ...lookup('OwnerId', 'Owner', 'Name')],
    Task: [value('Id', 'Id'), value('Subject')],
    Name: [value('Id', 'Id'), value('Name'), value('Email')],
    Group: [value('Id', 'Id'), value('Name')]
});

export const OBJECT = (body = ''): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomObject>`;
export const FIELD = (name: string, body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>${name}</fullName>${body}</CustomField>`;

/** The model of files given by path (from the project root) and text. */
export function model(files: Readonly<Record<string, string>>, namespace?: string): ProjectObjects {
    return objectsFromFiles(
        Object.entries(files).map(([path, text]) => ({ path, root: parseXml(text, path) })),
        { catalogue: CATALOGUE, ...(namespace !== undefined ? { namespace } : {}) }
    );
}
