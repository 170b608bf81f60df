import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import { isRecord } from '../../shared/json';
import { codeAnalyzer, codeAnalyzerYaml } from '../dependencies';

/**
 * The files Salesforce Code Analyzer reads its configuration from at the root of a workspace, in
 * the order it looks for them: rule overrides (severity, tags, disabled), engine settings (PMD's
 * custom rulesets), ignored files and suppressions.
 */
export const CODE_ANALYZER_CONFIG_FILES = ['code-analyzer.yml', 'code-analyzer.yaml'] as const;

/** The Code Analyzer configuration a PMD run uses, or why the project's file cannot be used. */
export type PmdConfigResult =
    | { readonly config: CodeAnalyzerConfig; readonly file?: string; readonly error?: undefined }
    | { readonly file?: string; readonly error: string; readonly line?: number };

/** The project's own configuration file, relative to its root; undefined when it has none. */
export function codeAnalyzerConfigFile(root: string): string | undefined {
    return CODE_ANALYZER_CONFIG_FILES.find((name) => fs.existsSync(path.join(root, name)));
}

/**
 * Code Analyzer's configuration for the validator's PMD run: the project's code-analyzer.yml as
 * Code Analyzer reads it, with three engine settings that stay the validator's whatever the file
 * says, because the rule is "PMD on the project's Apex": `engines.pmd.java_command` (the Java the
 * validator checked, which runs every Apex check), `engines.pmd.rule_languages` (Apex only: the
 * other languages' rules cost seconds to describe and check nothing the rule reports) and
 * `engines.cpd.disable_engine` (copy-paste detection is not part of the rule). Without a file,
 * Code Analyzer's defaults.
 */
export function pmdConfig(root: string, javaCommand: string): PmdConfigResult {
    const { CodeAnalyzerConfig } = codeAnalyzer();
    const file = codeAnalyzerConfigFile(root);
    const data = file ? readConfigData(path.join(root, file)) : { data: {} };
    if ('error' in data) {
        return { ...(file ? { file } : {}), ...data };
    }
    try {
        const config = CodeAnalyzerConfig.fromObject(
            withValidatorEngines(data.data, javaCommand),
            root
        );
        return file ? { config, file } : { config };
    } catch (error: unknown) {
        return {
            ...(file ? { file } : {}),
            error: error instanceof Error ? error.message : String(error)
        };
    }
}

/**
 * The files whose content changes what the PMD run finds besides the project's Apex: the
 * configuration file and the custom rulesets and classpath entries it names, absolute, those that
 * exist. A cached result holds only while they are unchanged.
 */
export function codeAnalyzerConfigInputs(root: string): string[] {
    const file = codeAnalyzerConfigFile(root);
    if (!file) {
        return [];
    }
    const absolute = path.join(root, file);
    const read = readConfigData(absolute);
    if ('error' in read) {
        return [absolute];
    }
    const configRoot =
        typeof read.data.config_root === 'string' ? read.data.config_root : path.dirname(absolute);
    const pmd = valueOf(valueOf(read.data, 'engines'), 'pmd');
    const named = ['custom_rulesets', 'java_classpath_entries'].flatMap((key) => {
        const entries = valueOf(pmd, key);
        return Array.isArray(entries)
            ? entries.filter((entry): entry is string => typeof entry === 'string')
            : [];
    });
    return [
        absolute,
        ...named
            .map((entry) => path.resolve(configRoot, entry))
            .filter((entry) => fs.existsSync(entry) && fs.statSync(entry).isFile())
    ];
}

type ConfigData =
    { readonly data: Record<string, unknown> } | { readonly error: string; readonly line?: number };

/** The file's YAML, read with the reader Code Analyzer itself uses, so that it means the same. */
function readConfigData(file: string): ConfigData {
    let data: unknown;
    try {
        data = codeAnalyzerYaml().load(fs.readFileSync(file, 'utf8'));
    } catch (error: unknown) {
        // js-yaml's YAMLException: `reason` says what, `mark.line` (from 0) where.
        const line = isRecord(error) && isRecord(error.mark) ? error.mark.line : undefined;
        const reason =
            isRecord(error) && typeof error.reason === 'string'
                ? error.reason
                : error instanceof Error
                  ? error.message
                  : String(error);
        return {
            error: `it is not valid YAML: ${reason}`,
            ...(typeof line === 'number' ? { line: line + 1 } : {})
        };
    }
    if (data === undefined || data === null) {
        return { data: {} };
    }
    return isRecord(data) ? { data } : { error: 'it is not a YAML mapping of settings' };
}

function withValidatorEngines(
    data: Record<string, unknown>,
    javaCommand: string
): Record<string, unknown> {
    const engines = valueOf(data, 'engines');
    const pmd = valueOf(engines, 'pmd');
    if ((engines !== undefined && !isRecord(engines)) || (pmd !== undefined && !isRecord(pmd))) {
        return data; // Code Analyzer says what is wrong with them.
    }
    return {
        ...withoutKeys(data, ['engines']),
        engines: {
            ...withoutKeys(engines, ['pmd', 'cpd']),
            pmd: {
                ...withoutKeys(pmd, ['java_command', 'rule_languages']),
                java_command: javaCommand,
                rule_languages: ['apex']
            },
            cpd: { disable_engine: true }
        }
    };
}

/** Code Analyzer reads its keys regardless of case: `PMD` is `pmd`. */
function valueOf(record: unknown, key: string): unknown {
    if (!isRecord(record)) {
        return undefined;
    }
    const found = Object.keys(record).find((name) => name.toLowerCase() === key);
    return found === undefined ? undefined : record[found];
}

function withoutKeys(record: unknown, keys: readonly string[]): Record<string, unknown> {
    if (!isRecord(record)) {
        return {};
    }
    return Object.fromEntries(
        Object.entries(record).filter(([name]) => !keys.includes(name.toLowerCase()))
    );
}
