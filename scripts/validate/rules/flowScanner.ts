import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IRulesConfig, ScanResult } from '@flow-scanner/lightning-flow-scanner-core';
import type { FlowModel, FlowPlace } from '../../project/flows';
import { isRecord } from '../../shared/json';
import { flowScanner } from '../dependencies';
import { finding } from '../finding';
import { messages } from '../messages';
import { flowModels, flowName, metadataSchema } from '../model';
import type { MetadataSchema } from '../../schema';
import type { Project } from '../../project';
import type { Finding, Rule, Severity } from '../types';

const ID = 'flow-scanner';

const FLOW_SCANNER_CONFIG = '.flow-scanner.json';

const SEVERITIES: Readonly<Record<string, Severity>> = {
    error: 'error',
    warning: 'warning',
    note: 'note'
};

/**
 * Lightning Flow Scanner's rules, configured by the project's .flow-scanner.json (the file the
 * scanner's CLI and VS Code extension read too); a project without one gets the scanner's
 * defaults, never this repository's house rules. Its severities map one to one: errors fail the
 * run, warnings and notes do not. This repository's configuration makes errors of what breaks
 * at run time, hits governor limits or exposes data, and of the house style's musts (a
 * description, a trigger order); warnings of maintainability; a note of Auto-Layout. It expects
 * the package's template, which ships inactive under a name the product fixes, to raise
 * InactiveFlow and FlowName. Flows that are not well formed are left to xml-syntax: the scanner
 * would silently accept them.
 */
export const flowScannerRule: Rule = {
    id: ID,
    description: `Lightning Flow Scanner's rules, as ${FLOW_SCANNER_CONFIG} configures them.`,
    preload: flowScanner,
    async check(project) {
        const flows = [...project.memo(flowModels).keys()];
        if (flows.length === 0) {
            return [];
        }
        const config = readConfig(project);
        if ('finding' in config) {
            return [config.finding];
        }
        const scanner = flowScanner();
        const byPath = new Map(flows.map((file) => [path.resolve(project.absolute(file)), file]));
        const parsed = await scanner.parse([...byPath.keys()]);
        const schema = metadataSchema();
        for (const flow of parsed) {
            if (flow.flow) {
                listRepeated(schema, 'Flow', flow.flow.xmldata);
            }
        }
        const findings: Finding[] = [];
        for (const flow of parsed) {
            const file = byPath.get(path.resolve(flow.uri)) ?? flow.uri;
            if (flow.errorMessage || !flow.flow) {
                findings.push(
                    finding(
                        ID,
                        'error',
                        messages.flowScanner.unreadable(flow.errorMessage ?? 'no flow'),
                        { file }
                    )
                );
            }
        }
        for (const result of scanner.scan(parsed, config.rules)) {
            findings.push(...resultFindings(project, byPath, result));
        }
        return findings;
    }
};

/**
 * The scanner's parser gives an element that occurs once as an object, and some of its rules
 * iterate it as a list (AutoLayout on a lone <processMetadataValues>, MissingNullHandler on a lone
 * <outputAssignments>) and throw. Every element the Metadata API declares repeated becomes a
 * list here, as the schema says it is, so that each rule runs on every flow.
 */
function listRepeated(schema: MetadataSchema, typeName: string, data: unknown): void {
    const type = schema.complexType(typeName);
    if (!type || typeof data !== 'object' || data === null) {
        return;
    }
    const record = data as Record<string, unknown>;
    for (const element of type.elements) {
        const value = record[element.name];
        if (value === undefined) {
            continue;
        }
        const items = element.repeated && !Array.isArray(value) ? [value] : value;
        record[element.name] = items;
        if (element.type.kind === 'complex') {
            for (const item of Array.isArray(items) ? items : [items]) {
                listRepeated(schema, element.type.name, item);
            }
        }
    }
}

function resultFindings(
    project: Project,
    byPath: ReadonlyMap<string, string>,
    result: ScanResult
): Finding[] {
    const flowPath = result.flow.fsPath ?? result.flow.uri ?? '';
    const file = byPath.get(path.resolve(flowPath)) ?? flowPath;
    const flow = project.memo(flowModels).get(file);
    const isTemplate = flow?.isTemplate ?? false;
    const findings: Finding[] = [];
    for (const ruleResult of result.ruleResults) {
        const rule = `${ID}/${ruleResult.ruleName}`;
        if (ruleResult.errorMessage) {
            findings.push(
                finding(rule, 'warning', messages.flowScanner.ruleFailed(ruleResult.errorMessage), {
                    file
                })
            );
        }
        if (!ruleResult.occurs) {
            continue;
        }
        const severity = SEVERITIES[ruleResult.severity] ?? 'warning';
        for (const violation of ruleResult.details) {
            const place = flow
                ? locate(flow, violation.metaType, violation.type, violation.name)
                : undefined;
            const text = messages.flowScanner.violation({
                rule: ruleResult.ruleName,
                label: ruleResult.ruleDefinition.label,
                subject: violation.name,
                flow: flowName(file),
                isTemplate
            });
            findings.push(
                finding(rule, severity, text, {
                    file,
                    line: place?.line ?? violation.lineNumber,
                    path: place?.path ?? 'Flow'
                })
            );
        }
    }
    return findings;
}

/**
 * Where the element a violation is about is, found in our own model: the scanner's line
 * numbers count lines of its re-serialised XML, not of the file.
 */
function locate(
    flow: FlowModel,
    metaType: string,
    type: string,
    name: string
): FlowPlace | undefined {
    if (metaType === 'attribute') {
        return (
            flow.children.find((element) => element.tag === type) ?? {
                line: flow.line,
                path: 'Flow'
            }
        );
    }
    return flow.children.find((element) => element.name === name);
}

type ConfigResult = { readonly rules: IRulesConfig | undefined } | { readonly finding: Finding };

function readConfig(project: Project): ConfigResult {
    const file = path.join(project.root, FLOW_SCANNER_CONFIG);
    if (!fs.existsSync(file)) {
        // The scanner's own defaults: its default rules, each at the severity it declares.
        return { rules: undefined };
    }
    const shown = FLOW_SCANNER_CONFIG;
    try {
        const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (!isRecord(data)) {
            throw new Error('the file holds no JSON object');
        }
        return { rules: data };
    } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
            finding: finding(ID, 'error', messages.flowScanner.badConfig(reason), { file: shown })
        };
    }
}
