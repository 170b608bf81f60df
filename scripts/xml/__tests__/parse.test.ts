import { child, childText, children, parseXml, XmlSyntaxError } from '../parse';

const FLOW = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <decisions>
        <name>First</name>
    </decisions>
    <decisions>
        <name>Second</name>
    </decisions>
    <description>Tom &amp; Jerry</description>
</Flow>
`;

function syntaxError(source: string): XmlSyntaxError {
    try {
        parseXml(source, 'flows/Broken.flow-meta.xml');
    } catch (error: unknown) {
        if (error instanceof XmlSyntaxError) {
            return error;
        }
        throw error;
    }
    throw new Error('Expected an XmlSyntaxError.');
}

describe('parseXml', () => {
    const root = parseXml(FLOW, 'flows/Map.flow-meta.xml');

    it('keeps the line of every element', () => {
        expect(root.name).toBe('Flow');
        expect(root.line).toBe(2);
        expect(child(root, 'apiVersion')?.line).toBe(3);
        expect(children(root, 'decisions').map((decision) => decision.line)).toEqual([4, 7]);
        expect(
            children(root, 'decisions').map((decision) => child(decision, 'name')?.line)
        ).toEqual([5, 8]);
        expect(child(root, 'description')?.line).toBe(10);
    });

    it('reads attributes, decoded text and children in document order', () => {
        expect(root.attributes).toEqual({ xmlns: 'http://soap.sforce.com/2006/04/metadata' });
        expect(childText(root, 'description')).toBe('Tom & Jerry');
        expect(children(root, 'decisions').map((decision) => childText(decision, 'name'))).toEqual([
            'First',
            'Second'
        ]);
        expect(root.text).toBe('');
        expect(childText(root, 'missing')).toBeUndefined();
    });

    it('keeps CDATA as text', () => {
        expect(parseXml('<a><![CDATA[1 < 2 & 3]]></a>', 'a.xml').text).toBe('1 < 2 & 3');
    });

    it('reports a mismatched closing tag with its file and line', () => {
        const error = syntaxError('<Flow>\n    <label>Broken\n</Flow>\n');

        expect(error.file).toBe('flows/Broken.flow-meta.xml');
        expect(error.line).toBe(3);
        expect(error.message).toMatch(
            /^flows\/Broken\.flow-meta\.xml:3:\d+: unexpected close tag\.$/
        );
    });

    it('reports an undefined entity and text after the root with their lines', () => {
        expect(syntaxError('<a>\n\n<b>&nbsp;</b></a>').line).toBe(3);
        const trailing = syntaxError('<a/>\n<b/>');
        expect(trailing.line).toBe(2);
        expect(trailing.message).toContain('documents may contain only one root.');
    });

    it('refuses a file without a root element', () => {
        expect(syntaxError('').message).toMatch(
            /^flows\/Broken\.flow-meta\.xml:1:\d+: document must contain a root element\.$/
        );
        expect(syntaxError('not xml').name).toBe('XmlSyntaxError');
    });
});
