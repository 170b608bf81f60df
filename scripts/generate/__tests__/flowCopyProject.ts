import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject, scenarioFlows } from '../../runtime/cli/project';
import { parseScenario, runScenario, type ScenarioOutcome } from '../../runtime/drivers/scenario';
import { MetadataSchema } from '../../schema';
import { parseFlowCopyArgs, planFlowCopy, writeFlowCopy } from '../flow';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const TEMPLATE_PATH =
    'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';
export const SCENARIO_DIR = 'scripts/runtime/scenarios';
const HELPER_FLOWS = `${SCENARIO_DIR}/flows`;

const schema = MetadataSchema.load();

/**
 * A project of its own in a temporary directory: the repository's sfdx-project.json,
 * .flow-scanner.json and force-app, and the helper flows the scenarios list. Copies are written there, never into the
 * repository.
 */
export function makeProject(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-copy-'));
    // The project's settings: sfdx-project.json, and the Flow Scanner configuration that
    // expects the template to ship inactive under the name the product fixes.
    for (const settings of ['sfdx-project.json', '.flow-scanner.json']) {
        fs.copyFileSync(path.join(REPO_ROOT, settings), path.join(root, settings));
    }
    fs.cpSync(path.join(REPO_ROOT, 'force-app'), path.join(root, 'force-app'), {
        recursive: true
    });
    fs.cpSync(path.join(REPO_ROOT, HELPER_FLOWS), path.join(root, HELPER_FLOWS), {
        recursive: true
    });
    return root;
}

/** What `npm run generate -- flow ARGS` writes in root, as paths from root. */
export function writeCopy(root: string, args: readonly string[]): string[] {
    const options = parseFlowCopyArgs(args);
    if (options === 'help') {
        throw new Error('help was asked for');
    }
    return writeFlowCopy(root, planFlowCopy(root, options, schema)).map((file) => file.path);
}

export function read(root: string, file: string): string {
    return fs.readFileSync(path.join(root, file), 'utf8');
}

/** The repository's scenarios that run the template, as JSON, by file name. */
export function templateScenarios(): [string, unknown][] {
    return fs
        .readdirSync(path.join(REPO_ROOT, SCENARIO_DIR))
        .filter((file) => file.endsWith('.scenario.json'))
        .sort()
        .map((file): [string, unknown] => [
            file,
            JSON.parse(fs.readFileSync(path.join(REPO_ROOT, SCENARIO_DIR, file), 'utf8'))
        ])
        .filter(([, json]) => JSON.stringify(json).includes(TEMPLATE_PATH));
}

/** How a template scenario becomes a scenario of a copy. */
export interface Rewrite {
    /** The copy's flow file, in place of the template in the scenario's `flows`. */
    readonly flow: string;
    /** The copy's User field, in place of Calendly_Link__c in data, steps and expectations. */
    readonly userField?: string;
    /**
     * For a managed-event copy: profile links become links of this event type, and the
     * scenario's managed-event links become profile links, which the copy must ignore as the
     * template ignores managed-event links.
     */
    readonly event?: { readonly field: 'EventTypeSlug__c' | 'EventTypeName__c'; value: string };
}

function rewriteValue(value: unknown, rewrite: Rewrite): unknown {
    if (Array.isArray(value)) {
        return value.map((item) => rewriteValue(item, rewrite));
    }
    if (typeof value === 'string') {
        return value === TEMPLATE_PATH ? rewrite.flow : value;
    }
    if (typeof value !== 'object' || value === null) {
        return value;
    }
    const result: Record<string, unknown> = {};
    for (const [key, nested] of Object.entries(value)) {
        const name = key === 'Calendly_Link__c' && rewrite.userField ? rewrite.userField : key;
        result[name] = rewriteValue(nested, rewrite);
    }
    const event = rewrite.event;
    if (event && result['LinkType__c'] === 'Profile') {
        result['LinkType__c'] = 'ManagedEvent';
        result[event.field] = event.value;
    } else if (event && result['LinkType__c'] === 'ManagedEvent') {
        result['LinkType__c'] = 'Profile';
    }
    return result;
}

/** A template scenario, rewritten to run a copy. */
export function rewriteScenario(json: unknown, rewrite: Rewrite): unknown {
    return rewriteValue(json, rewrite);
}

/**
 * The helper flows the scenarios list, rewritten for a copy that writes another User field, so
 * that a flow that refuses changes of the link refuses changes of the copy's field.
 */
export function rewriteHelperFlows(root: string, userField: string): void {
    const directory = path.join(root, HELPER_FLOWS);
    for (const file of fs.readdirSync(directory)) {
        const full = path.join(directory, file);
        fs.writeFileSync(
            full,
            fs.readFileSync(full, 'utf8').replaceAll('Calendly_Link__c', userField)
        );
    }
}

/** Runs a scenario given as JSON in the project at root, with the flows it lists. */
export function runScenarioIn(
    root: string,
    json: unknown,
    name = 'inline.scenario.json'
): ScenarioOutcome {
    const project = loadProject(root);
    const scenario = parseScenario(JSON.stringify(json), name, project.schema);
    return runScenario(scenario, project.schema, scenarioFlows(project, scenario));
}
