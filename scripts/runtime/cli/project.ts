import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDirectory } from '../../cache/keyed';
import { Project as ProjectFiles } from '../../project';
import { isObjectSourcePath, projectObjects } from '../../project/objects';
import type { FlowModel } from '../../project/flows';
import {
    projectCustomPermissions,
    projectExternalCredentials,
    projectLabels,
    projectNamedCredentials,
    projectPermissionSets
} from '../../project/security';
import { readUserFile } from '../../shared/files';
import type { CoverageRecorder } from '../apex/coverage';
import type { ApexSource } from '../apex/vm';
import { ApexOrg, type ProjectSecurity } from '../drivers/apexOrg';
import { CalloutRouter } from '../drivers/callouts';
import {
    FRESH_PROFILES,
    runPostInstall,
    setUpOrg,
    SUBSCRIBER_PROFILES,
    type OrgSetup
} from '../drivers/setup';
import { ScenarioError } from '../errors';
import { compileFlow, readFlowModel, type FlowDefinition } from '../flow';
import { MESSAGES } from '../messages';
import { schemaFromObjects, type OrgSchema } from '../schema';
import { parseScenario, type Scenario } from '../drivers/scenario';

/** The project as the runtime reads it from disk: its schema and its flow files. */
export interface Project {
    readonly root: string;
    readonly schema: OrgSchema;
    /** Every flow file of the package directories, from the project root. */
    readonly flowFiles: readonly string[];
    /** Every FlowTest file of the package directories, from the project root. */
    readonly flowTestFiles: readonly string[];
    /** Every Apex class of the package directories, from the project root. */
    readonly apexFiles: readonly string[];
    /** The project's security metadata (one model: scripts/project/security). */
    readonly security: ProjectSecurity;
    /** The package namespace of sfdx-project.json, if any. */
    readonly namespace: string | undefined;
}

export interface LoadOptions {
    /** The Apex org's schema: setup objects and a running user (see SchemaOptions). */
    readonly setup?: boolean;
}

const relative = (root: string, file: string): string =>
    path.relative(root, file).split(path.sep).join('/');

/**
 * Loads the project through the one project loader (sfdx-project.json, its package directories
 * as source-deploy-retrieve places their files, .forceignore honoured) and builds the embedded
 * org's schema from the project's one object model.
 */
export function loadProject(root: string = process.cwd(), options: LoadOptions = {}): Project {
    const project = ProjectFiles.loadSync(root, { cacheDirectory: cacheDirectory('project') });
    for (const file of project.files.filter(isObjectSourcePath)) {
        const { error } = project.xml(file);
        if (error) {
            // The model leaves out a file it cannot read; the org refuses to run without it.
            const where = `${error.file}:${error.line}:${error.column}: `;
            throw new ScenarioError(`${file}:${error.line}`, error.message.replace(where, ''));
        }
    }
    return {
        root: project.root,
        schema: schemaFromObjects(project.memo(projectObjects), { setup: options.setup === true }),
        flowFiles: project.filesEndingWith('.flow-meta.xml'),
        flowTestFiles: project.filesEndingWith('.flowtest-meta.xml'),
        apexFiles: project.filesEndingWith('.cls'),
        namespace: project.config.namespace,
        security: {
            permissionSets: project.memo(projectPermissionSets),
            customPermissions: project.memo(projectCustomPermissions),
            labels: project.memo(projectLabels),
            namedCredentials: project.memo(projectNamedCredentials),
            externalCredentials: project.memo(projectExternalCredentials)
        }
    };
}

/** Reads one flow file (path from the project root); a missing file is a ScenarioError at place. */
function readModel(project: Project, file: string, place: string): FlowModel {
    const full = path.resolve(project.root, file);
    if (!fs.existsSync(full)) {
        throw new ScenarioError(place, MESSAGES.flowFileMissing(file));
    }
    return readFlowModel(fs.readFileSync(full, 'utf8'), relative(project.root, full));
}

/** Compiles one flow file (path from the project root); a missing file is a ScenarioError at place. */
export function readFlow(project: Project, file: string, place: string): FlowDefinition {
    return compileFlow(readModel(project, file, place), project.schema);
}

/**
 * The flows a scenario runs: the files it lists, as if active whatever their status, or else
 * the project's active record-triggered flows.
 */
export function scenarioFlows(project: Project, scenario: Scenario): FlowDefinition[] {
    if (scenario.flows) {
        return scenario.flows.map((flow) => readFlow(project, flow.path, flow.place));
    }
    return activeFlows(project);
}

/** The project's active record-triggered flows. */
export function activeFlows(project: Project): FlowDefinition[] {
    return project.flowFiles
        .map((file) => readModel(project, file, file))
        .filter((flow) => flow.status === 'Active' && flow.start?.triggerType !== undefined)
        .map((flow) => compileFlow(flow, project.schema));
}

/** The project's Apex classes, paths from the project root, as the Apex VM loads them. */
export function readApexSources(project: Project): ApexSource[] {
    return project.apexFiles.map((file) => ({
        file,
        text: fs.readFileSync(path.resolve(project.root, file), 'utf8')
    }));
}

/**
 * Reads a scenario file (path from the current directory), named in messages by its path from
 * the project root, or as given when it lies outside the project.
 */
export function readScenario(project: Project, file: string): Scenario {
    const full = path.resolve(file);
    const fromRoot = relative(project.root, full);
    const inside = !fromRoot.startsWith('../') && !path.isAbsolute(fromRoot);
    return parseScenario(
        readUserFile(file, 'a scenario file (*.scenario.json)'),
        inside ? fromRoot : file,
        project.schema
    );
}

/** The org states an Apex run starts from: a fresh org, or a subscriber's after install. */
export type OrgState = 'fresh' | 'installed';

export interface OpenedApexOrg {
    readonly org: ApexOrg;
    readonly setup: OrgSetup;
}

/**
 * The principals of an external credential, lowest sequence number first: the one a user granted
 * several uses [verify in an org: the platform's choice among a user's principals].
 */
function principalsInSequence(project: Project, externalCredential: string): string[] {
    const principals = project.security.externalCredentials.get(externalCredential)?.principals;
    const rank = (sequence: number | undefined): number => sequence ?? Number.POSITIVE_INFINITY;
    return [...(principals ?? [])]
        .sort((left, right) => rank(left.sequence) - rank(right.sequence))
        .map((principal) => principal.name);
}

/**
 * The embedded org with the project's Apex and the given active flows, set up as a fresh org
 * or as a subscriber's after the package's install (the post-install handler has run, the
 * standard profiles were created in one second). The admin runs what comes next.
 */
export function openApexOrg(
    project: Project,
    options: {
        readonly state: OrgState;
        readonly flows: readonly FlowDefinition[];
        readonly log: (line: string) => void;
        readonly coverage?: CoverageRecorder;
        /** Named credential → base URL of a stand-in on 127.0.0.1, for callouts outside tests. */
        readonly standIns?: ReadonlyMap<string, string>;
        /**
         * The external credential principals' authentication parameters, as an admin enters
         * them in Setup: `ExternalCredential-Principal` → parameter name → value
         * (`Calendly-CalendlyAdmin` → `Token` → the token). None when absent.
         */
        readonly principals?: ReadonlyMap<string, ReadonlyMap<string, string>>;
    }
): OpenedApexOrg {
    const sources = readApexSources(project);
    const org = new ApexOrg({
        schema: project.schema,
        security: project.security,
        sources,
        flows: options.flows,
        log: options.log,
        ...(options.coverage ? { coverage: options.coverage } : {}),
        callouts: (security) =>
            new CalloutRouter({
                namedCredentials: project.security.namedCredentials,
                standIns: options.standIns ?? new Map(),
                ...(project.namespace ? { namespace: project.namespace } : {}),
                externalCredentials: project.security.externalCredentials,
                principals: options.principals ?? new Map(),
                principalAccess: (name) =>
                    security.principalFor(name, principalsInSequence(project, name))
            })
    });
    const installed = options.state === 'installed';
    const setup = setUpOrg(org, {
        profiles: installed ? SUBSCRIBER_PROFILES : FRESH_PROFILES,
        profileClock: installed ? 'same-second' : 'one-per-second',
        permissionSets: [...project.security.permissionSets.values()],
        sources,
        flows: options.flows
    });
    if (installed) {
        runPostInstall(org, setup);
    }
    return { org, setup };
}
