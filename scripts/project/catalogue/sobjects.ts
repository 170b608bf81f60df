import { ACC_STATIC, readClassFile } from './classFile';
import { CatalogueError } from './errors';
import type { ZipEntry } from '../../shared/zip';
import { parseFieldType, SignatureError } from './signature';
import type { JvmType } from './signature';
import type {
    FieldValueType,
    ParentRelationship,
    SObjectField,
    SObjectInfo,
    ValueField
} from './types';

/**
 * The standard objects of apex-dev-tools' `sobject-types` jar: one class per object in
 * com/nawforce/runforce/SObjects, extending System.SObject, whose public fields are the object's
 * fields, parent relationships (`Owner`, typed by the parent's class, beside `OwnerId`) and child
 * relationships (`Contacts`, an array of the child's class). Its static `SObjectType` and
 * `Fields` members are the `Account.SObjectType` and `Account.Fields` every object has, and
 * not fields.
 */

const RUNFORCE = 'com/nawforce/runforce/';
export const SOBJECTS_PACKAGE = `${RUNFORCE}SObjects/`;
const SOBJECT_CLASS = `${RUNFORCE}System/SObject`;

/** The jar's System classes a value field is typed with, and the Apex type each one is. */
const VALUE_CLASSES: ReadonlyMap<string, FieldValueType> = new Map<string, FieldValueType>([
    [`${RUNFORCE}System/Id`, 'Id'],
    [`${RUNFORCE}System/String`, 'String'],
    [`${RUNFORCE}System/Boolean`, 'Boolean'],
    [`${RUNFORCE}System/Integer`, 'Integer'],
    [`${RUNFORCE}System/Long`, 'Long'],
    [`${RUNFORCE}System/Decimal`, 'Decimal'],
    [`${RUNFORCE}System/Double`, 'Double'],
    [`${RUNFORCE}System/Date`, 'Date'],
    [`${RUNFORCE}System/Datetime`, 'Datetime'],
    [`${RUNFORCE}System/Time`, 'Time'],
    [`${RUNFORCE}System/Blob`, 'Blob'],
    ['java/lang/Object', 'Object']
]);

/**
 * The jar types compound fields with the class of the Address and Location objects, as it
 * types lookups to them: `Account.BillingAddress` is an `SObjects.Address` with no
 * `BillingAddressId`, `Location.VisitorAddress` one with `VisitorAddressId`. Without an Id field
 * beside it, such a field is the compound value, as Apex's System.Address and System.Location.
 */
const COMPOUND_TYPES: ReadonlyMap<string, FieldValueType> = new Map<string, FieldValueType>([
    ['Address', 'Address'],
    ['Location', 'Location']
]);

/** The polymorphic lookups' type (`Task.Who`): the Name object, the fields every target has. */
const POLYMORPHIC_NAME = 'Name';
const ANY_SOBJECT = 'SObject';

/** Every class of the SObjects package of the jar, as objects, in the jar's order. */
export function readSObjects(entries: readonly ZipEntry[], jarName: string): SObjectInfo[] {
    const objects: SObjectInfo[] = [];
    for (const entry of entries) {
        const simpleName = classInPackage(entry.name, SOBJECTS_PACKAGE);
        if (simpleName !== undefined) {
            objects.push(readSObject(entry, `${jarName}!/${entry.name}`, simpleName));
        }
    }
    return objects;
}

/** The simple name of a class file directly in the package; undefined for any other entry. */
export function classInPackage(entryName: string, packagePath: string): string | undefined {
    if (!entryName.startsWith(packagePath) || !entryName.endsWith('.class')) {
        return undefined;
    }
    const simpleName = entryName.slice(packagePath.length, -'.class'.length);
    return simpleName.includes('/') ? undefined : simpleName;
}

function readSObject(entry: ZipEntry, where: string, name: string): SObjectInfo {
    const classFile = readClassFile(entry.read(), where);
    if (classFile.superName !== SOBJECT_CLASS) {
        throw new CatalogueError(
            where,
            `${name} extends ${classFile.superName ?? 'nothing'}, not System.SObject: it is not an object class.`
        );
    }
    const declared = classFile.fields
        .filter((field) => (field.access & ACC_STATIC) === 0)
        .map((field) => {
            try {
                return {
                    name: field.name,
                    type: parseFieldType(field.signature ?? field.descriptor)
                };
            } catch (error) {
                if (error instanceof SignatureError) {
                    throw new CatalogueError(where, `field ${field.name}: ${error.message}`);
                }
                throw error;
            }
        });
    const names = new Set(declared.map((field) => field.name));
    const fields = declared.map(({ name: fieldName, type }) =>
        toField(fieldName, type, idFieldOf(fieldName, names), where)
    );
    return { name, fields: linkIdFields(fields) };
}

/** The Id field of a relationship: `OwnerId` for `Owner`, `Account__c` for `Account__r`. */
function idFieldOf(relationship: string, names: ReadonlySet<string>): string | undefined {
    const candidate = relationship.endsWith('__r')
        ? `${relationship.slice(0, -'__r'.length)}__c`
        : `${relationship}Id`;
    return names.has(candidate) ? candidate : undefined;
}

function toField(
    name: string,
    type: JvmType,
    idField: string | undefined,
    where: string
): SObjectField {
    if (type.kind === 'class' && type.arguments.length === 0) {
        const valueType = VALUE_CLASSES.get(type.name);
        if (valueType !== undefined) {
            return { kind: 'value', name, type: valueType };
        }
        if (type.name === SOBJECT_CLASS) {
            return parent(name, ANY_SOBJECT, idField);
        }
        const target = classInPackage(`${type.name}.class`, SOBJECTS_PACKAGE);
        if (target !== undefined) {
            const compound = COMPOUND_TYPES.get(target);
            if (compound !== undefined && idField === undefined) {
                return { kind: 'value', name, type: compound };
            }
            return parent(name, target, idField);
        }
    }
    if (type.kind === 'array' && type.element.kind === 'class') {
        if (type.element.name === `${RUNFORCE}System/String`) {
            return { kind: 'value', name, type: 'List<String>' };
        }
        if (type.element.name === SOBJECT_CLASS) {
            return { kind: 'children', name, childObject: ANY_SOBJECT };
        }
        const child = classInPackage(`${type.element.name}.class`, SOBJECTS_PACKAGE);
        if (child !== undefined) {
            return { kind: 'children', name, childObject: child };
        }
    }
    throw new CatalogueError(
        where,
        `field ${name} has the type ${describe(type)}, which the catalogue does not model: ` +
            'add it to scripts/project/catalogue/sobjects.ts with the Apex type it stands for.'
    );
}

/** A parent relationship; polymorphic when the jar types it Name or SObject. */
export function parent(
    name: string,
    target: string,
    idField: string | undefined
): ParentRelationship {
    const polymorphic = target === POLYMORPHIC_NAME || target === ANY_SOBJECT;
    return idField === undefined
        ? { kind: 'parent', name, target, polymorphic }
        : { kind: 'parent', name, target, polymorphic, idField };
}

/** Marks each relationship's Id field with the relationship's name and type. */
export function linkIdFields(fields: readonly SObjectField[]): SObjectField[] {
    const relationshipsById = new Map<string, ParentRelationship>();
    for (const field of fields) {
        if (field.kind === 'parent' && field.idField !== undefined) {
            relationshipsById.set(field.idField, field);
        }
    }
    return fields.map((field): SObjectField => {
        const relationship = relationshipsById.get(field.name);
        if (field.kind !== 'value' || relationship === undefined) {
            return field;
        }
        const linked: ValueField = {
            ...field,
            relationshipName: relationship.name,
            referenceTo: relationship.target
        };
        return linked;
    });
}

function describe(type: JvmType): string {
    switch (type.kind) {
        case 'class':
            return type.arguments.length === 0
                ? type.name
                : `${type.name}<${type.arguments.map(describe).join(', ')}>`;
        case 'array':
            return `${describe(type.element)}[]`;
        case 'variable':
            return type.name;
        case 'primitive':
            return `the primitive ${type.code}`;
        case 'void':
            return 'void';
    }
}
