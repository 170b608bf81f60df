import { parseXml, XmlSyntaxError, type XmlElement } from '../xml/parse';
import { ScenarioError } from './errors';

/**
 * Parses an input file's XML (a flow, a FlowTest, an object or field); a document that is not
 * well formed is a ScenarioError at its line (`file:line: reason`).
 */
export function readXml(source: string, file: string): XmlElement {
    try {
        return parseXml(source, file);
    } catch (error: unknown) {
        if (error instanceof XmlSyntaxError) {
            const prefix = `${error.file}:${error.line}:${error.column}: `;
            const reason = error.message.startsWith(prefix)
                ? error.message.slice(prefix.length)
                : error.message;
            throw new ScenarioError(`${file}:${error.line}`, reason, { cause: error });
        }
        throw error;
    }
}
