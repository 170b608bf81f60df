/**
 * The Apex grammar's parse tree, as `@apexdevtools/apex-parser` generates it from its ANTLR
 * grammar (the grammar apex-ls is built on): one context class per rule and labelled
 * alternative (`ClassDeclarationContext`, `DotExpressionContext`, `QueryContext`, ...), the
 * parser with its token types (`ApexParser.SELECT`) and rule names (`ApexParser.ruleNames`), and
 * the base visitor, listener and walker to go through a tree with. This module is the one place
 * that names the parser package, so that an upgrade of the grammar is read here. (Everything
 * comes from the package's root: its subpaths declare the same classes a second time, which
 * TypeScript would take for other classes.)
 *
 * The generated accessors are typed as always returning their child, but return `null` when an
 * optional child is absent or was lost to a syntax error: read them through `optional()`.
 */
export * from '@apexdevtools/apex-parser';
