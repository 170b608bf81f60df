/**
 * Apex source read with the grammar of `@apexdevtools/apex-parser`: `parseApex` gives the parse
 * tree and the syntax errors, `outlineApex` what the tree declares and names, `parseSoql` the
 * tree of a query's text (what `Database.query` receives at run time). The tree's context
 * types, the parser, the base visitor and the walker are in `ApexGrammar`; `optional`,
 * `positionOf` and `sourceOf` read a tree's contexts safely.
 */
export * as ApexGrammar from './grammar';
export { findAnnotation, hasModifier, sameName } from './lookup';
export { outlineApex } from './outline';
export { parseApex, parseSoql } from './parse';
export { resolveAlias } from './soql';
export { optional, positionOf, sourceOf } from './tree';
export type * from './types';
