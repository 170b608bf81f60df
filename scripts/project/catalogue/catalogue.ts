import type {
    ApexTypeInfo,
    CatalogueSource,
    SObjectField,
    SObjectInfo,
    StandardCatalogue
} from './types';

/** What the jars give, before it is indexed: also the shape kept in the cache. */
export interface CatalogueData {
    readonly apiVersion: string;
    readonly sources: readonly CatalogueSource[];
    readonly sobjects: readonly SObjectInfo[];
    readonly apexTypes: readonly ApexTypeInfo[];
}

/**
 * Apex and SOQL read names in any case; Salesforce's names are ASCII, so lower case is the key.
 */
function keyOf(name: string): string {
    return name.toLowerCase();
}

/** The catalogue over the jars' data, with case-insensitive lookups. */
export function createCatalogue(data: CatalogueData): StandardCatalogue {
    const sobjects = new Map(data.sobjects.map((object) => [keyOf(object.name), object]));
    const sobjectNames = data.sobjects
        .map((object) => object.name)
        .sort((left, right) => left.localeCompare(right, 'en'));
    // An object's field index is built when it is first asked for: most runs ask about a few.
    const fieldIndexes = new Map<string, ReadonlyMap<string, SObjectField>>();
    const fieldIndex = (object: SObjectInfo): ReadonlyMap<string, SObjectField> => {
        const key = keyOf(object.name);
        let index = fieldIndexes.get(key);
        if (index === undefined) {
            index = new Map(object.fields.map((field) => [keyOf(field.name), field]));
            fieldIndexes.set(key, index);
        }
        return index;
    };

    const namespaces = new Map<string, { name: string; types: Map<string, ApexTypeInfo> }>();
    for (const type of data.apexTypes) {
        const key = keyOf(type.namespace);
        let namespace = namespaces.get(key);
        if (namespace === undefined) {
            namespace = { name: type.namespace, types: new Map() };
            namespaces.set(key, namespace);
        }
        namespace.types.set(keyOf(type.name), type);
    }
    const namespaceNames = [...namespaces.values()]
        .map((namespace) => namespace.name)
        .sort((left, right) => left.localeCompare(right, 'en'));

    return {
        apiVersion: data.apiVersion,
        sources: data.sources,
        sobject: (name) => sobjects.get(keyOf(name)),
        field: (objectName, name) => {
            const object = sobjects.get(keyOf(objectName));
            return object === undefined ? undefined : fieldIndex(object).get(keyOf(name));
        },
        sobjectNames: () => sobjectNames,
        apexType: (namespace, name) => namespaces.get(keyOf(namespace))?.types.get(keyOf(name)),
        apexNamespaces: () => namespaceNames,
        apexTypes: (namespace) =>
            [...(namespaces.get(keyOf(namespace))?.types.values() ?? [])].sort((left, right) =>
                left.name.localeCompare(right.name, 'en')
            )
    };
}
