import { MetadataSchema } from '../../schema';
import { DefinitionError, escapeXml, writeMetadataXml, type MetadataRecord } from '../write';

const schema = new MetadataSchema(`
    export type Metadata = { fullName?: string; };
    export type Shade = 'Light' | 'Dark';
    export type Part = { name: string; size?: number; };
    export type Settings = { enabled?: boolean; note?: string; tags: string[]; };
    export type Guard = { must: string; };
    export type Widget = Metadata & {
        apiVersion?: number;
        description?: string;
        guard?: Guard;
        label: string;
        parts: Part[];
        settings?: Settings;
        shade?: Shade;
    };
`);

const write = (value: MetadataRecord): string => writeMetadataXml(schema, 'Widget', value);

function definitionError(value: MetadataRecord): DefinitionError {
    try {
        write(value);
    } catch (error: unknown) {
        if (error instanceof DefinitionError) {
            return error;
        }
        throw error;
    }
    throw new Error('Expected a DefinitionError.');
}

describe('writeMetadataXml', () => {
    it('writes the declaration, the namespace, a 4-space indent and schema order whatever the key order', () => {
        const xml = write({
            shade: 'Dark',
            parts: [{ size: 2, name: 'left' }, { name: 'right' }],
            label: 'Widget',
            apiVersion: '66.0',
            fullName: 'My_Widget'
        });

        expect(xml).toBe(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<Widget xmlns="http://soap.sforce.com/2006/04/metadata">',
                '    <fullName>My_Widget</fullName>',
                '    <apiVersion>66.0</apiVersion>',
                '    <label>Widget</label>',
                '    <parts>',
                '        <name>left</name>',
                '        <size>2</size>',
                '    </parts>',
                '    <parts>',
                '        <name>right</name>',
                '    </parts>',
                '    <shade>Dark</shade>',
                '</Widget>',
                ''
            ].join('\n')
        );
    });

    it('escapes & < > " and \' in text', () => {
        expect(write({ label: 'W', description: `Tom & Jerry <"b"> it's` })).toContain(
            '    <description>Tom &amp; Jerry &lt;&quot;b&quot;&gt; it&apos;s</description>\n'
        );
        expect(escapeXml('a&&b')).toBe('a&amp;&amp;b');
    });

    it('keeps numbers given as text as written, and writes numbers as JavaScript prints them', () => {
        expect(write({ label: 'W', apiVersion: '66.0' })).toContain(
            '<apiVersion>66.0</apiVersion>'
        );
        expect(write({ label: 'W', apiVersion: 66 })).toContain('<apiVersion>66</apiVersion>');
        expect(write({ label: 'W', apiVersion: '-1.5' })).toContain(
            '<apiVersion>-1.5</apiVersion>'
        );
    });

    it('writes an empty complex element as a self-closing tag', () => {
        expect(write({ label: 'W', settings: {} })).toContain('\n    <settings/>\n');
        expect(write({ label: 'W', settings: { tags: [] } })).toContain('\n    <settings/>\n');
    });

    it('rejects a value outside the enum, naming the path', () => {
        const error = definitionError({ label: 'W', shade: 'Blue' });

        expect(error.path).toBe('Widget.shade');
        expect(error.message).toBe('Widget.shade: "Blue" is not a Shade value.');
    });

    it('rejects an element the type does not have', () => {
        expect(definitionError({ label: 'W', colour: 'red' }).message).toBe(
            'Widget.colour: Widget has no element colour.'
        );
        expect(definitionError({ label: 'W', parts: [{ name: 'a', weight: 1 }] }).message).toBe(
            'Widget.parts[0].weight: Part has no element weight.'
        );
    });

    it('rejects a missing required element, at any depth', () => {
        expect(definitionError({ description: 'no label' }).message).toBe(
            'Widget.label: Widget requires label.'
        );
        expect(definitionError({ label: 'W', parts: [{ name: 'a' }, { size: 1 }] }).message).toBe(
            'Widget.parts[1].name: Part requires name.'
        );
    });

    it('rejects an empty complex element whose type requires a child', () => {
        expect(definitionError({ label: 'W', guard: {} }).message).toBe(
            'Widget.guard.must: Guard requires must.'
        );
    });

    it('rejects values of the wrong kind', () => {
        expect(definitionError({ label: 'W', apiVersion: 'sixty-six' }).message).toBe(
            'Widget.apiVersion: "sixty-six" is not a number.'
        );
        expect(definitionError({ label: 'W', settings: { enabled: 'yes' } }).message).toBe(
            'Widget.settings.enabled: expects true or false.'
        );
        expect(definitionError({ label: true }).message).toBe('Widget.label: expects text.');
        expect(definitionError({ label: 'W', settings: 'on' }).message).toBe(
            'Widget.settings: expects a Settings object.'
        );
        expect(definitionError({ label: ['a', 'b'] }).message).toBe(
            'Widget.label: label appears once at most.'
        );
    });

    it('writes only metadata types as the root', () => {
        expect(() => writeMetadataXml(schema, 'Part', { name: 'a' })).toThrow(
            'Part: is not a metadata type of @salesforce/types.'
        );
    });
});
