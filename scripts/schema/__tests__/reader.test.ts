import { MetadataSchema } from '..';
import type { ComplexTypeSchema } from '..';

const FLOW_NODE_ELEMENTS = [
    'processMetadataValues',
    'description',
    'name',
    'elementSubtype',
    'group',
    'label',
    'locationX',
    'locationY'
];

function names(type: ComplexTypeSchema | undefined): string[] {
    if (!type) {
        throw new Error('Expected a complex type.');
    }
    return type.elements.map((element) => element.name);
}

function element(type: ComplexTypeSchema | undefined, name: string) {
    const found = type?.elements.find((candidate) => candidate.name === name);
    if (!found) {
        throw new Error(`Expected an element ${name}.`);
    }
    return found;
}

describe('MetadataSchema of @salesforce/types', () => {
    const schema = MetadataSchema.load();

    it.each(['FlowRecordLookup', 'FlowAssignment', 'FlowLoop', 'FlowDecision'])(
        'puts the inherited elements of %s first, in Flow element order',
        (typeName) => {
            const elements = names(schema.complexType(typeName));

            expect(elements.slice(0, FLOW_NODE_ELEMENTS.length)).toEqual(FLOW_NODE_ELEMENTS);
            expect(elements.length).toBeGreaterThan(FLOW_NODE_ELEMENTS.length);
        }
    );

    it('follows the inherited elements with the type own elements in schema order', () => {
        const elements = names(schema.complexType('FlowRecordLookup'));

        expect(elements.slice(FLOW_NODE_ELEMENTS.length, FLOW_NODE_ELEMENTS.length + 4)).toEqual([
            'assignNullValuesIfNoRecordsFound',
            'connector',
            'faultConnector',
            'filterLogic'
        ]);
    });

    it('keeps one position, the inherited one, for the description FlowCustomError declares again', () => {
        const elements = names(schema.complexType('FlowCustomError'));

        expect(elements.filter((name) => name === 'description')).toHaveLength(1);
        expect(elements.indexOf('description')).toBe(1);
        expect(elements.slice(0, FLOW_NODE_ELEMENTS.length)).toEqual(FLOW_NODE_ELEMENTS);
    });

    it('reads enum values', () => {
        expect(schema.enumType('FlowVersionStatus')).toEqual([
            'Active',
            'Draft',
            'Obsolete',
            'InvalidDraft',
            'UnderReview'
        ]);
        expect(element(schema.complexType('Flow'), 'status').type).toEqual({
            kind: 'enum',
            name: 'FlowVersionStatus',
            values: ['Active', 'Draft', 'Obsolete', 'InvalidDraft', 'UnderReview']
        });
    });

    it('tells required, optional and repeated elements apart', () => {
        const flow = schema.complexType('Flow');
        const node = schema.complexType('FlowLoop');

        expect(element(flow, 'label')).toMatchObject({ required: true, repeated: false });
        expect(element(flow, 'description')).toMatchObject({ required: false, repeated: false });
        expect(element(flow, 'assignments')).toMatchObject({
            required: false,
            repeated: true,
            type: { kind: 'complex', name: 'FlowAssignment' }
        });
        expect(element(node, 'locationX')).toMatchObject({
            required: true,
            type: { kind: 'primitive', name: 'number' }
        });
        expect(element(node, 'processMetadataValues')).toMatchObject({
            required: false,
            repeated: true
        });
    });

    it('marks the types that extend Metadata', () => {
        expect(schema.complexType('Flow')?.isMetadata).toBe(true);
        expect(schema.complexType('FlowTest')?.isMetadata).toBe(true);
        expect(schema.complexType('FlowRecordLookup')?.isMetadata).toBe(false);
        expect(names(schema.complexType('Flow'))[0]).toBe('fullName');
    });

    it('answers undefined for an unknown type and for an enum asked as a complex type', () => {
        expect(schema.complexType('NoSuchMetadataType')).toBeUndefined();
        expect(schema.enumType('NoSuchMetadataType')).toBeUndefined();
        expect(schema.hasType('NoSuchMetadataType')).toBe(false);
        expect(schema.complexType('FlowVersionStatus')).toBeUndefined();
        expect(schema.enumType('Flow')).toBeUndefined();
    });
});

describe('MetadataSchema of a declaration source', () => {
    const source = `
        export type Metadata = { fullName?: string; };
        export type Shade = 'Light' | 'Dark';
        export type Single = 'Only';
        export type Base = { notes: Note[]; title?: string; };
        export type Note = { text: string; };
        export type Widget = Metadata & Base & {
            shade: Shade;
            size?: number;
            enabled?: boolean;
            madeOn?: Date;
            'quoted-name'?: string;
            title?: string;
            parts: Note[];
        };
        export type Alias = Base;
    `;
    const schema = new MetadataSchema(source);

    it('expands an intersection left to right, keeping the first position of a repeated name', () => {
        expect(names(schema.complexType('Widget'))).toEqual([
            'fullName',
            'notes',
            'title',
            'shade',
            'size',
            'enabled',
            'madeOn',
            'quoted-name',
            'parts'
        ]);
        expect(schema.complexType('Widget')?.isMetadata).toBe(true);
    });

    it('reads value types', () => {
        const widget = schema.complexType('Widget');

        expect(element(widget, 'shade')).toEqual({
            name: 'shade',
            type: { kind: 'enum', name: 'Shade', values: ['Light', 'Dark'] },
            repeated: false,
            required: true
        });
        expect(element(widget, 'size').type).toEqual({ kind: 'primitive', name: 'number' });
        expect(element(widget, 'enabled').type).toEqual({ kind: 'primitive', name: 'boolean' });
        expect(element(widget, 'madeOn').type).toEqual({ kind: 'primitive', name: 'date' });
        expect(element(widget, 'parts')).toEqual({
            name: 'parts',
            type: { kind: 'complex', name: 'Note' },
            repeated: true,
            required: false
        });
    });

    it('reads a single string literal as an enum of one value', () => {
        expect(schema.enumType('Single')).toEqual(['Only']);
    });

    it('reads a plain alias of another type as that type, not as Metadata', () => {
        expect(names(schema.complexType('Alias'))).toEqual(['notes', 'title']);
        expect(schema.complexType('Alias')?.isMetadata).toBe(false);
        expect(schema.complexType('Note')?.isMetadata).toBe(false);
    });

    it('reads a property typed by an alias of string as a string (Dashboard components use 65 of them)', () => {
        const aliased = new MetadataSchema(`
            export type Fit = string;
            export type Component = { fit?: Fit; title: string; };
        `);

        expect(aliased.complexType('Component')?.elements[0]).toEqual({
            name: 'fit',
            type: { kind: 'primitive', name: 'string' },
            repeated: false,
            required: false
        });
        expect(aliased.complexType('Fit')).toBeUndefined();
        expect(aliased.enumType('Fit')).toBeUndefined();
    });

    it('names the construct it does not support', () => {
        const unsupported = new MetadataSchema(`
            export type Mixed = { value: string | number; };
            export type Orphan = Missing & { value?: string; };
            export type Tuple = [string, number];
        `);

        expect(() => unsupported.complexType('Mixed')).toThrow(
            'Unsupported property type in the metadata schema: UnionType'
        );
        expect(() => unsupported.complexType('Orphan')).toThrow(
            'The metadata schema names an unknown parent type Missing.'
        );
        expect(() => unsupported.complexType('Tuple')).toThrow(
            'Unsupported type node in the metadata schema: TupleType'
        );
    });
});
