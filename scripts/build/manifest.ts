import { childText, children, parseXml } from '../xml/parse';
import type { Member } from './types';

export interface Manifest {
    readonly members: readonly Member[];
    readonly apiVersion: string;
}

/** Reads the members and API version of a package.xml. */
export function parseManifest(source: string, file: string): Manifest {
    const root = parseXml(source, file);
    if (root.name !== 'Package') {
        throw new Error(`${file}: expected a Package manifest, found <${root.name}>.`);
    }
    const members: Member[] = [];
    for (const types of children(root, 'types')) {
        const type = childText(types, 'name');
        if (!type) {
            throw new Error(`${file}:${types.line}: <types> has no <name>.`);
        }
        for (const member of children(types, 'members')) {
            members.push({ type, name: member.text });
        }
    }
    const apiVersion = childText(root, 'version');
    if (!apiVersion) {
        throw new Error(`${file}: the manifest has no <version>.`);
    }
    return { members, apiVersion };
}

/** Members grouped by type, types and names sorted, as the summary lists them. */
export function membersByType(members: readonly Member[]): Map<string, string[]> {
    const grouped = new Map<string, string[]>();
    for (const member of members) {
        const names = grouped.get(member.type) ?? [];
        names.push(member.name);
        grouped.set(member.type, names);
    }
    return new Map(
        [...grouped.entries()]
            .sort(([a], [b]) => byCodePoint(a, b))
            .map(([type, names]) => [type, names.sort(byCodePoint)])
    );
}

/** Locale-independent order, so the summary reads the same on every machine. */
function byCodePoint(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
