import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { isRecord } from '../../shared/json';
import { mapLimited, runProcess } from '../apex/process';
import { apexFiles } from '../apex/files';
import { resolvePackageFile } from '../../shared/packages';
import { ToolError } from '../errors';
import { finding } from '../finding';
import { messages } from '../messages';
import type { Finding, Rule } from '../types';

const ID = 'apex-syntax';
const PARSER_OUTPUT = 'apex.jorje.semantic.compiler.parser.ParserOutput';

/**
 * Apex syntax through Salesforce's own parser (jorje), run by prettier-plugin-apex's serializer.
 * The serializer is called directly rather than through Prettier: the plugin's error drops the
 * line and column that jorje reports.
 */
export const apexSyntaxRule: Rule = {
    id: ID,
    description: "Every Apex class and trigger parses with Salesforce's Apex parser.",
    async check(project) {
        const files = apexFiles(project);
        if (files.length === 0) {
            return [];
        }
        const serializer = serializerCommand();
        const results = await mapLimited(files, 4, async (file) => {
            const result = await runProcess(serializer.command, [
                ...serializer.args,
                '-l',
                project.absolute(file)
            ]);
            if (result.code !== 0) {
                const reason = result.error?.message ?? firstLine(result.stderr || result.stdout);
                throw new ToolError(messages.apex.parserFailed(`${file}: ${reason}`));
            }
            return syntaxErrors(file, result.stdout);
        });
        return results.flat();
    }
};

/** jorje's parse errors in the serializer's JSON output. */
function syntaxErrors(file: string, output: string): Finding[] {
    let data: unknown;
    try {
        data = JSON.parse(output);
    } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ToolError(messages.apex.parserFailed(`${file}: ${reason}`));
    }
    const parserOutput = isRecord(data) ? data[PARSER_OUTPUT] : undefined;
    const errors =
        isRecord(parserOutput) && Array.isArray(parserOutput.parseErrors)
            ? parserOutput.parseErrors
            : [];
    return errors.map((error: unknown) => {
        const message =
            isRecord(error) && typeof error.message === 'string' ? error.message : 'syntax error';
        const location = findLocation(error);
        return finding(ID, 'error', messages.apex.syntax(message), {
            file,
            ...(location ? { line: location.line, column: location.column } : {})
        });
    });
}

/** The first `loc` with a line in a jorje error, however deeply its causes nest. */
function findLocation(value: unknown): { line: number; column: number } | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const loc = value.loc;
    if (isRecord(loc) && typeof loc.line === 'number') {
        return { line: loc.line, column: typeof loc.column === 'number' ? loc.column : 1 };
    }
    for (const nested of Object.values(value)) {
        const location = findLocation(nested);
        if (location) {
            return location;
        }
    }
    return undefined;
}

/**
 * The plugin's native serializer for this platform, else its Java one (as the plugin itself
 * falls back).
 */
function serializerCommand(): { command: string; args: string[] } {
    const pluginEntry = resolvePackageFile('prettier-plugin-apex');
    const platform = `${process.platform}-${process.arch}`;
    const executable = `apex-ast-serializer-${platform}${process.platform === 'win32' ? '.exe' : ''}`;
    try {
        const fromPlugin = createRequire(pluginEntry);
        const packageJson = fromPlugin.resolve(
            `@prettier-apex/apex-ast-serializer-${platform}/package.json`
        );
        const native = path.join(path.dirname(packageJson), executable);
        if (fs.existsSync(native)) {
            return { command: native, args: [] };
        }
    } catch {
        // No native build for this platform: use the Java serializer below.
    }
    const pluginRoot = path.resolve(path.dirname(pluginEntry), '..', '..');
    const script = path.join(
        pluginRoot,
        'vendor',
        'apex-ast-serializer',
        'bin',
        'apex-ast-serializer'
    );
    return process.platform === 'win32'
        ? { command: 'cmd', args: ['/c', `${script}.bat`] }
        : { command: script, args: [] };
}

function firstLine(text: string): string {
    return text.trim().split('\n')[0] ?? '';
}
