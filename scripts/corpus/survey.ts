import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProject, type Project } from '../runtime/cli/project';
import { ScenarioError } from '../runtime/errors';
import { compileFlow, readFlowModel } from '../runtime/flow';
import { UsageError } from '../shared/command';
import { validateProject, VALIDATE_CACHE_DIRECTORY, type Finding } from '../validate';

/** What the validator made of a project. */
export interface ValidationSurvey {
    /** The validator's wall time, in seconds. */
    readonly seconds: number;
    readonly errors: number;
    readonly warnings: number;
    readonly notes: number;
    /** Errors by the id of the rule that found them. */
    readonly errorsByRule: Readonly<Record<string, number>>;
    /** The findings that say a check could not run, and an error the validator threw, as text. */
    readonly crashes: readonly string[];
    /** Why the validator refused the project as a whole (a broken sfdx-project.json), if it did. */
    readonly refused?: string;
}

/** A record-triggered flow the embedded org refused to compile, or a project it refused to load. */
export interface Refusal {
    /** The flow file from the project root; absent when the org refused the whole project. */
    readonly flow?: string;
    readonly message: string;
}

/** What the embedded org made of a project's record-triggered flows. */
export interface OrgSurvey {
    readonly compiled: number;
    readonly refused: readonly Refusal[];
    /** Unexpected errors (not the runtime's ScenarioError) while loading or compiling, as text. */
    readonly crashes: readonly string[];
}

export interface ProjectSurvey {
    /** The project's folder name. */
    readonly name: string;
    readonly validation: ValidationSurvey;
    readonly org: OrgSurvey;
}

/**
 * The messages of findings that say a check could not run rather than what is wrong with the
 * project (scripts/validate/messages.ts): a rule that threw (ruleFailed), a Lightning Flow
 * Scanner rule that failed on a flow, the Apex parser or a checker (PMD, apex-ls) that stopped.
 */
const CRASH_MESSAGES: readonly RegExp[] = [
    /^The \S+ check could not run: /,
    /^A Lightning Flow Scanner rule failed on this flow: /,
    /^The Apex parser could not run on this file: /,
    /^\S+ could not check the Apex: /
];

/** True when a finding says that a check could not run. */
export function isCrash(found: Pick<Finding, 'message'>): boolean {
    return CRASH_MESSAGES.some((pattern) => pattern.test(found.message));
}

const describeError = (error: unknown): string =>
    error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** The sub-folders of dir that hold an sfdx-project.json, sorted by name. */
export function projectFolders(dir: string): string[] {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new UsageError(
            `${dir} is not a folder: give a folder whose sub-folders are sfdx projects.`
        );
    }
    const names = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .filter((name) => fs.existsSync(path.join(dir, name, 'sfdx-project.json')))
        .sort();
    if (names.length === 0) {
        throw new UsageError(
            `${dir} has no sub-folder with an sfdx-project.json: clone or copy sfdx projects into it, one per folder.`
        );
    }
    return names;
}

/** Runs every rule of the validator on the project, with its cache, as npm run validate does. */
async function surveyValidation(dir: string): Promise<ValidationSurvey> {
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    const empty = { errors: 0, warnings: 0, notes: 0, errorsByRule: {} };
    let findings: readonly Finding[];
    try {
        ({ findings } = await validateProject(dir, {
            cacheDirectory: VALIDATE_CACHE_DIRECTORY,
            schemaCache: true
        }));
    } catch (error: unknown) {
        return error instanceof UsageError
            ? { seconds: seconds(), ...empty, crashes: [], refused: error.message }
            : { seconds: seconds(), ...empty, crashes: [describeError(error)] };
    }
    const count = (severity: Finding['severity']): number =>
        findings.filter((found) => found.severity === severity).length;
    const errorsByRule: Record<string, number> = {};
    for (const found of findings.filter((candidate) => candidate.severity === 'error')) {
        errorsByRule[found.rule] = (errorsByRule[found.rule] ?? 0) + 1;
    }
    return {
        seconds: seconds(),
        errors: count('error'),
        warnings: count('warning'),
        notes: count('note'),
        errorsByRule,
        crashes: findings
            .filter(isCrash)
            .map(
                (found) => `${found.rule}${found.file ? ` (${found.file})` : ''}: ${found.message}`
            )
    };
}

/**
 * Loads the project into the embedded org and compiles each record-triggered flow (its start
 * has a triggerType), whatever its status. A ScenarioError is the org refusing the project or a
 * flow, with its reason; a flow file the org cannot read is refused too, since it cannot say
 * whether it is record-triggered. Any other error is a crash of the org.
 */
function surveyOrg(dir: string): OrgSurvey {
    let project: Project;
    try {
        project = loadProject(dir);
    } catch (error: unknown) {
        return error instanceof ScenarioError || error instanceof UsageError
            ? { compiled: 0, refused: [{ message: error.message }], crashes: [] }
            : { compiled: 0, refused: [], crashes: [describeError(error)] };
    }
    let compiled = 0;
    const refused: Refusal[] = [];
    const crashes: string[] = [];
    for (const flow of project.flowFiles) {
        try {
            const model = readFlowModel(
                fs.readFileSync(path.join(project.root, flow), 'utf8'),
                flow
            );
            if (model.start?.triggerType !== undefined) {
                compileFlow(model, project.schema);
                compiled++;
            }
        } catch (error: unknown) {
            if (error instanceof ScenarioError) {
                refused.push({ flow, message: error.message });
            } else {
                crashes.push(`${flow}: ${describeError(error)}`);
            }
        }
    }
    return { compiled, refused, crashes };
}

export async function surveyProject(dir: string): Promise<ProjectSurvey> {
    return {
        name: path.basename(dir),
        validation: await surveyValidation(dir),
        org: surveyOrg(dir)
    };
}
