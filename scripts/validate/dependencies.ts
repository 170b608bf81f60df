import { createRequire } from 'node:module';
import type * as FlowScanner from '@flow-scanner/lightning-flow-scanner-core';
import type * as CodeAnalyzer from '@salesforce/code-analyzer-core';
import type * as PmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { resolvePackageFile } from '../shared/packages';

/*
 * Heavy dependencies load on first use: a run without flows or Apex must not pay for the flow
 * scanner or the code analyzer. `require` rather than `import()`: under tsx a dynamic import
 * goes through the ESM loader, which costs more. (source-deploy-retrieve loads in a worker
 * thread, see sourceIndex.ts.)
 */
const load = createRequire(__filename);

export function flowScanner(): typeof FlowScanner {
    return load('@flow-scanner/lightning-flow-scanner-core') as typeof FlowScanner;
}

export function codeAnalyzer(): typeof CodeAnalyzer {
    return load('@salesforce/code-analyzer-core') as typeof CodeAnalyzer;
}

export function pmdEngine(): typeof PmdEngine {
    return load('@salesforce/code-analyzer-pmd-engine') as typeof PmdEngine;
}

/** The part of js-yaml the validator uses. */
export interface YamlReader {
    load(text: string): unknown;
}

/**
 * The YAML reader Code Analyzer reads code-analyzer.yml with (js-yaml, its own dependency,
 * resolved from it), so that a project's file means to the validator what it means to Code
 * Analyzer.
 */
export function codeAnalyzerYaml(): YamlReader {
    const fromCodeAnalyzer = createRequire(resolvePackageFile('@salesforce/code-analyzer-core'));
    return fromCodeAnalyzer('js-yaml') as YamlReader;
}
