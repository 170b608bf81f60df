import { generatePackage } from '../../generate';
import { child, parseXml, type XmlElement } from '../../xml/parse';

const PACKAGE_DIR = 'force-app/main/default';

const files = new Map(generatePackage().map((file) => [file.path, file.content]));

/** The generated XML of a file, by its path under force-app/main/default. */
export function generatedXml(relative: string): XmlElement {
    const content = files.get(`${PACKAGE_DIR}/${relative}`);
    if (content === undefined) {
        throw new Error(`No generated file ${relative}.`);
    }
    return parseXml(content, relative);
}

/** The generated files directly in a folder under force-app/main/default, by name, sorted. */
export function generatedNames(folder: string): string[] {
    const prefix = `${PACKAGE_DIR}/${folder}/`;
    return [...files.keys()]
        .filter((file) => file.startsWith(prefix) && !file.slice(prefix.length).includes('/'))
        .map((file) => file.slice(prefix.length))
        .sort();
}

/** A child that must be there. */
export function only(element: XmlElement, name: string): XmlElement {
    const found = child(element, name);
    if (!found) {
        throw new Error(`<${element.name}> at line ${element.line} has no <${name}>.`);
    }
    return found;
}

/** The text of a child that must be there. */
export function text(element: XmlElement, name: string): string {
    return only(element, name).text;
}
