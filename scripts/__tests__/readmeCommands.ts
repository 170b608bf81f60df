import * as fs from 'node:fs';
import * as path from 'node:path';

/** One command a README shows: as written, where, and its words as a shell splits them. */
export interface ShownCommand {
    readonly text: string;
    readonly line: number;
    readonly words: readonly string[];
}

/** Splits a command line into words as a POSIX shell does for plain words and quotes. */
export function shellWords(text: string): string[] {
    const words: string[] = [];
    let word: string | undefined;
    let quote: '"' | "'" | undefined;
    for (let index = 0; index < text.length; index++) {
        const char = text.charAt(index);
        if (quote) {
            if (char === quote) {
                quote = undefined;
            } else if (char === '\\' && quote === '"' && /["\\$`]/.test(text.charAt(index + 1))) {
                word = (word ?? '') + text.charAt(++index);
            } else {
                word = (word ?? '') + char;
            }
        } else if (char === '"' || char === "'") {
            quote = char;
            word ??= '';
        } else if (char === '#' && word === undefined) {
            break;
        } else if (/\s/.test(char)) {
            if (word !== undefined) {
                words.push(word);
                word = undefined;
            }
        } else {
            word = (word ?? '') + char;
        }
    }
    if (word !== undefined) {
        words.push(word);
    }
    return words;
}

/** Everything after a shell comment sign outside quotes is a comment. */
const withoutComment = (line: string): string => {
    let quote: string | undefined;
    for (let index = 0; index < line.length; index++) {
        const char = line.charAt(index);
        if (quote) {
            quote = char === quote ? undefined : quote;
        } else if (char === '"' || char === "'") {
            quote = char;
        } else if (char === '#' && (index === 0 || /\s/.test(line.charAt(index - 1)))) {
            return line.slice(0, index);
        }
    }
    return line;
};

/** A command as the reader would type it: `npm ...`, `npx sf ...` or `sf ...`, with env first. */
const COMMAND = /^(?:[A-Z_]+=\S*\s+)*(?:npm|npx|sf)\s/;

/**
 * The commands a markdown file shows: every line of its shell code blocks (continuation lines
 * joined) and every code span that is a whole command.
 */
export function shownCommands(file: string): ShownCommand[] {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const shown: ShownCommand[] = [];
    let block: string | undefined;
    let pending: { text: string; line: number } | undefined;
    const add = (text: string, line: number): void => {
        const trimmed = text.trim();
        if (COMMAND.test(`${trimmed} `)) {
            shown.push({ text: trimmed, line, words: shellWords(trimmed) });
        }
    };
    lines.forEach((raw, index) => {
        const fence = /^```(\w*)/.exec(raw.trim());
        if (fence) {
            block = block === undefined ? (fence[1] ?? '') : undefined;
            return;
        }
        if (block !== undefined) {
            if (block !== 'sh' && block !== 'bash' && block !== 'shell') {
                return;
            }
            const code = withoutComment(raw);
            const text = pending ? `${pending.text} ${code.trim()}` : code;
            const line = pending?.line ?? index + 1;
            if (/\\\s*$/.test(code)) {
                pending = { text: text.replace(/\\\s*$/, ''), line };
            } else {
                pending = undefined;
                add(text, line);
            }
            return;
        }
        for (const span of raw.matchAll(/`([^`]+)`/g)) {
            add(span[1] ?? '', index + 1);
        }
    });
    return shown;
}

/** A markdown table: its header cells and rows of cells, with the line of each row. */
export interface MarkdownTable {
    readonly heading: string;
    readonly header: readonly string[];
    readonly rows: readonly { readonly cells: readonly string[]; readonly line: number }[];
}

const cellsOf = (row: string): string[] =>
    row
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|'));

/** Every table of a markdown file, with the heading it sits under. */
export function markdownTables(file: string): MarkdownTable[] {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const tables: MarkdownTable[] = [];
    let heading = '';
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index] ?? '';
        if (/^#+\s/.test(line)) {
            heading = line.replace(/^#+\s*/, '');
        }
        const separator = lines[index + 1] ?? '';
        if (line.trim().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(separator)) {
            const rows: { cells: string[]; line: number }[] = [];
            let next = index + 2;
            while ((lines[next] ?? '').trim().startsWith('|')) {
                rows.push({ cells: cellsOf(lines[next] ?? ''), line: next + 1 });
                next++;
            }
            tables.push({ heading, header: cellsOf(line), rows });
            index = next - 1;
        }
    }
    return tables;
}

/** The commands and their flags (long names and one-letter ones) of the pinned sf CLI. */
export function sfCommands(root: string): Map<string, ReadonlySet<string>> {
    const cli = path.join(root, 'node_modules', '@salesforce', 'cli');
    const { oclif } = JSON.parse(fs.readFileSync(path.join(cli, 'package.json'), 'utf8')) as {
        oclif: { plugins: string[] };
    };
    const commands = new Map<string, ReadonlySet<string>>();
    // The CLI's own commands, then those of each plugin it bundles.
    for (const plugin of ['', ...oclif.plugins]) {
        const directory = (
            plugin === ''
                ? [cli]
                : [path.join(cli, 'node_modules', plugin), path.join(root, 'node_modules', plugin)]
        ).find((candidate) => fs.existsSync(path.join(candidate, 'oclif.manifest.json')));
        if (directory === undefined) {
            continue;
        }
        const manifest = JSON.parse(
            fs.readFileSync(path.join(directory, 'oclif.manifest.json'), 'utf8')
        ) as {
            commands: Record<
                string,
                { aliases?: string[]; flags: Record<string, { char?: string; aliases?: string[] }> }
            >;
        };
        for (const [id, command] of Object.entries(manifest.commands)) {
            const flags = new Set<string>();
            for (const [name, flag] of Object.entries(command.flags)) {
                flags.add(`--${name}`);
                for (const alias of flag.aliases ?? []) {
                    flags.add(`--${alias}`);
                }
                if (flag.char) {
                    flags.add(`-${flag.char}`);
                }
            }
            for (const name of [id, ...(command.aliases ?? [])]) {
                commands.set(name.replace(/:/g, ' '), flags);
            }
        }
    }
    return commands;
}
