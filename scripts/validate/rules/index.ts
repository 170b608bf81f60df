import { cachedRule } from '../apex/cache';
import type { Rule } from '../types';
import { apexFieldsRule } from './apexFields';
import { apexMetaXmlRule } from './apexMetaXml';
import { apexPmdRule } from './apexPmd';
import { apexSemanticsRule } from './apexSemantics';
import { apexSyntaxRule } from './apexSyntax';
import { apiVersionRule } from './apiVersion';
import { fieldPermissionsRule } from './fieldPermissions';
import { flowConnectorsRule } from './flowConnectors';
import { flowReferencesRule } from './flowReferences';
import { flowScannerRule } from './flowScanner';
import { flowTestReferencesRule } from './flowTestReferences';
import { metadataTypeRule } from './metadataTypes';
import { objectReferencesRule } from './objectReferences';
import { schemaRule } from './schema';
import { xmlSyntaxRule } from './xmlSyntax';

export interface RuleSettings {
    readonly javaCommand: string;
    /** Where the slow Apex checks remember their findings; none when absent. */
    readonly cacheDirectory?: string;
}

/**
 * Every rule, in the order they start: the Apex checks first, so that their Java processes run
 * while the other rules use the CPU.
 */
export function createRules(settings: RuleSettings): Rule[] {
    const { cacheDirectory, javaCommand } = settings;
    const slow = (rule: Rule): Rule =>
        cacheDirectory ? cachedRule(rule, cacheDirectory, javaCommand) : rule;
    return [
        slow(apexSemanticsRule(javaCommand)),
        slow(apexPmdRule(javaCommand)),
        slow(apexSyntaxRule),
        xmlSyntaxRule,
        metadataTypeRule,
        apexMetaXmlRule,
        schemaRule,
        flowReferencesRule,
        flowConnectorsRule,
        flowTestReferencesRule,
        objectReferencesRule,
        fieldPermissionsRule,
        flowScannerRule,
        // Parsing every class with the Apex grammar costs a second or two: kept like the others.
        slow(apexFieldsRule),
        apiVersionRule
    ];
}
