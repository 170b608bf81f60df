import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyOfProject, REPOSITORY_ROOT } from '../../shared/testProject';
import { loadProject } from '../cli/project';
import { parseFlow, type FlowDefinition, type RuntimeOptions } from '../flow';
import { parseScenario, runScenario, type ScenarioOutcome } from '../drivers/scenario';
import { EmbeddedOrg } from '../org/embedded';
import type { FieldValues } from '../types';

export const ROOT = REPOSITORY_ROOT;
/**
 * The project as a fresh clone has it (sfdx-project.json, force-app and the runtime's own
 * scenarios and data), in a temporary folder: a user's flow copies in unpackaged/ take no part.
 */
export const PROJECT_ROOT = copyOfProject([
    path.join('scripts', 'runtime', 'scenarios'),
    path.join('scripts', 'runtime', 'flowtest.data.json')
]);
afterAll(() => {
    fs.rmSync(PROJECT_ROOT, { recursive: true, force: true });
});
export const project = loadProject(PROJECT_ROOT);
export const schema = project.schema;
export const TEMPLATE_FILE =
    'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';

/** A record-triggered flow from the parts of its XML, with an Active status and the boilerplate around. */
export function flowXml(start: string, body = '', extra = ''): string {
    return `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    ${body}
    <label>Test Flow</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>0</locationX>
        <locationY>0</locationY>
        ${start}
    </start>
    <status>Active</status>
    ${extra}
</Flow>`;
}

export function flow(name: string, start: string, body = '', extra = ''): FlowDefinition {
    return parseFlow(flowXml(start, body, extra), `test/${name}.flow-meta.xml`, schema);
}

export const connector = (target: string, name = 'connector'): string =>
    `<${name}><targetReference>${target}</targetReference></${name}>`;

/** An org with the given flows active and these users and links loaded. */
export function org(
    flows: readonly FlowDefinition[],
    data: { User?: FieldValues[]; CalendlyLink__c?: FieldValues[] } = {},
    options?: RuntimeOptions
): EmbeddedOrg {
    const embedded = new EmbeddedOrg(schema, flows, options);
    embedded.load(
        Object.entries(data).map(([name, records]) => ({
            object: schema.object(name, 'test'),
            place: `test data.${name}`,
            records
        }))
    );
    return embedded;
}

export const user = (name: string, extra: FieldValues = {}): FieldValues => ({
    Username: `${name}@example.com.test`,
    Email: `${name}@example.com`,
    LastName: name,
    ...extra
});

export const link = (name: string, extra: FieldValues = {}): FieldValues => ({
    Name: name,
    Url__c: `https://calendly.com/${name}`,
    Email__c: `${name}@example.com`,
    LinkType__c: 'Profile',
    CalendlyUri__c: `https://api.calendly.com/users/${name}`,
    ...extra
});

/** Runs a scenario given as an object, with the template unless it lists flows. */
export function scenario(json: object, flows: readonly FlowDefinition[]): ScenarioOutcome {
    return runScenario(
        parseScenario(JSON.stringify(json), 'inline.scenario.json', schema),
        schema,
        flows
    );
}

export const templateFlow = (): FlowDefinition =>
    parseFlow(fs.readFileSync(path.join(ROOT, TEMPLATE_FILE), 'utf8'), TEMPLATE_FILE, schema);
