import { SaxesParser } from 'saxes';

/** An XML element with the line it starts on, as the validator and the flow runtime read it. */
export interface XmlElement {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly children: XmlElement[];
    /** Text content, trimmed of the indentation between child elements. */
    text: string;
    readonly line: number;
    readonly column: number;
}

export class XmlSyntaxError extends Error {
    public constructor(
        public readonly file: string,
        public readonly line: number,
        public readonly column: number,
        reason: string
    ) {
        super(`${file}:${line}:${column}: ${reason}`);
        this.name = 'XmlSyntaxError';
    }
}

/**
 * Parses an XML document into a tree that keeps line numbers, so that every message can point
 * at the line an admin has to fix. Throws XmlSyntaxError for a document that is not well formed.
 */
export function parseXml(source: string, file: string): XmlElement {
    const parser = new SaxesParser({ position: true });
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    let failure: XmlSyntaxError | undefined;
    parser.on('error', (error) => {
        failure ??= new XmlSyntaxError(
            file,
            parser.line,
            parser.column,
            // saxes prefixes its messages with line:column (and a file name when given one).
            error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')
        );
    });
    parser.on('opentag', (tag) => {
        const element: XmlElement = {
            name: tag.name,
            attributes: Object.fromEntries(
                Object.entries(tag.attributes).map(([key, attr]) => [key, String(attr)])
            ),
            children: [],
            text: '',
            line: parser.line,
            column: parser.column
        };
        const parent = stack[stack.length - 1];
        if (parent) {
            parent.children.push(element);
        } else {
            root = element;
        }
        stack.push(element);
    });
    const appendText = (text: string): void => {
        const current = stack[stack.length - 1];
        if (current) {
            current.text += text;
        }
    };
    parser.on('text', appendText);
    parser.on('cdata', appendText);
    parser.on('closetag', () => {
        const element = stack.pop();
        if (element && element.children.length > 0) {
            element.text = element.text.trim();
        }
    });
    parser.write(source).close();
    if (failure) {
        throw failure;
    }
    if (!root) {
        throw new XmlSyntaxError(file, 1, 1, 'the file has no root element.');
    }
    return root;
}

/** The first child with this name, if any. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
    return element.children.find((candidate) => candidate.name === name);
}

/** Every child with this name, in document order. */
export function children(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((candidate) => candidate.name === name);
}

/** The text of the first child with this name, if any. */
export function childText(element: XmlElement, name: string): string | undefined {
    return child(element, name)?.text;
}
