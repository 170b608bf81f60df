import { displayPath } from './checks';
import { membersByType } from './manifest';
import type { BuildSummary } from './types';

export interface SummaryOptions {
    /** Longest line; lists of names are cut to fit it. */
    readonly width?: number;
}

const DEFAULT_WIDTH = 100;

/** The one-screen report of a successful build: what was packaged, for which API, where. */
export function formatSummary(summary: BuildSummary, options: SummaryOptions = {}): string {
    const width = options.width ?? DEFAULT_WIDTH;
    const { layout, output } = summary;
    const version = layout.versionNumber ? ` ${layout.versionNumber}` : '';
    const grouped = membersByType(output.members);
    const typeWidth = Math.max(0, ...[...grouped.keys()].map((type) => type.length));
    const countWidth = Math.max(
        0,
        ...[...grouped.values()].map((names) => String(names.length).length)
    );
    const lines = [
        `Built ${layout.packageName}${version} from ${layout.packagedDir} (API ${output.apiVersion})`,
        summary.validation.otherFindings > 0
            ? `${summary.validation.summary} npm run validate lists the warnings and notes.`
            : summary.validation.summary,
        '',
        `Components: ${output.members.length} in ${grouped.size} type(s)`
    ];
    for (const [type, names] of grouped) {
        const prefix = `  ${type.padEnd(typeWidth)}  ${String(names.length).padStart(countWidth)}  `;
        lines.push(prefix + fitNames(names, width - prefix.length));
    }
    const directory = displayPath(layout.root, output.directory);
    const zip = displayPath(layout.root, output.zipPath);
    const pathWidth = Math.max(directory.length, zip.length);
    lines.push(
        '',
        'Output:',
        `  ${directory.padEnd(pathWidth)}  metadata format with package.xml, ${plural(output.directoryFiles.length, 'file')}`,
        `  ${zip.padEnd(pathWidth)}  ${formatBytes(output.zipBytes)}, ${plural(output.zipFiles.length, 'file')}`
    );
    return `${lines.join('\n')}\n`;
}

/**
 * Names separated by commas, as many as fit in width, then how many were left out. The first
 * name is always shown, even when it alone is wider.
 */
export function fitNames(names: readonly string[], width: number): string {
    let text = '';
    for (const [index, name] of names.entries()) {
        const candidate = index === 0 ? name : `${text}, ${name}`;
        const rest = names.length - index - 1;
        const reserve = rest > 0 ? `, … +${rest} more`.length : 0;
        if (index > 0 && candidate.length + reserve > width) {
            return `${text}, … +${names.length - index} more`;
        }
        text = candidate;
    }
    return text;
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
    return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}
