import * as path from 'node:path';
import {
    startCalendlyStandIn,
    type CalendlyStandIn,
    type Fault,
    type Organization
} from '../calendly';
import { executeAnonymous } from '../runtime/drivers/anonymous';
import { loadProject, openApexOrg, readFlow, type OpenedApexOrg } from '../runtime/cli/project';
import type { Project } from '../runtime/cli/project';
import {
    auraValue,
    auraViewFields,
    controllerMethods,
    METHOD_VIEWS,
    type ControllerParameter
} from './auraViews';

/**
 * The real CalendlySyncController in the embedded org (scripts/runtime), its callouts going to
 * the Calendly stand-in (scripts/calendly) through the package's named credential: what the
 * preview page and the components' recorded answers talk to instead of an org.
 */

const CONTROLLER = 'CalendlySyncController';
const TEMPLATE = 'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';
const ADMIN_PERMISSION_SET = 'Calendly_Links_Admin';
/** The debug lines the preview's own anonymous Apex writes, told apart from the package's. */
const ANSWER = 'PREVIEW_ANSWER ';
const DEBUG = /^USER_DEBUG\|\[\d+\]\|DEBUG\|/;

/** What an Apex call answered: its value as JSON, or an error as Lightning receives one. */
export type ApexAnswer =
    | { readonly ok: true; readonly value: unknown }
    | { readonly ok: false; readonly error: ApexError };

/** An AuraHandledException as imperative Apex rejects with it in a component. */
export interface ApexError {
    readonly status: number;
    readonly body: { readonly message: string };
}

/** A call the caller got wrong: no such method, or arguments it does not take. */
export class ControllerCallError extends Error {}

export interface ControllerOrgOptions {
    /** The Calendly organization the stand-in serves. */
    readonly organization: Organization;
    /** Whether the org has an active copy of the flow template. */
    readonly activeFlow: boolean;
    /** The admin's first and last name, as the page shows who started a run. */
    readonly adminName: readonly [string, string];
}

let project: Project | undefined;

/** The project as the embedded org reads it, loaded once per process. */
function loadedProject(): Project {
    project ??= loadProject(path.resolve(__dirname, '..', '..'), { setup: true });
    return project;
}

/** An Apex string literal. */
export function apexString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** An argument of a controller method as Apex source, from the JSON the component sent. */
function apexArgument(method: string, parameter: ControllerParameter, value: unknown): string {
    if (value === null || value === undefined) {
        return 'null';
    }
    const type = parameter.type.toLowerCase();
    const wrong = (): never => {
        throw new ControllerCallError(
            `${CONTROLLER}.${method}: ${parameter.name} must be ${parameter.type}, not ${JSON.stringify(value)}.`
        );
    };
    if (type === 'boolean') {
        return typeof value === 'boolean' ? String(value) : wrong();
    }
    if (type === 'integer') {
        return typeof value === 'number' && Number.isInteger(value) ? String(value) : wrong();
    }
    if (type === 'id') {
        return typeof value === 'string' ? `Id.valueOf(${apexString(value)})` : wrong();
    }
    if (type === 'string') {
        return typeof value === 'string' ? apexString(value) : wrong();
    }
    throw new ControllerCallError(
        `${CONTROLLER}.${method}: the preview cannot pass a ${parameter.type} argument.`
    );
}

export class ControllerOrg {
    private readonly lines: string[] = [];
    private readonly methods = controllerMethods();
    private readonly views = auraViewFields();
    private opened: OpenedApexOrg | undefined;
    /** Faults to give the stand-in just before the next job runs (a token revoked mid-run). */
    private pendingFaults: readonly Fault[] | undefined;

    private constructor(public readonly standIn: CalendlyStandIn) {}

    /**
     * Starts a stand-in for the organization and opens a fresh org with the package, its
     * admin holding the Calendly Links Admin permission set and the credential's token.
     */
    public static async open(options: ControllerOrgOptions): Promise<ControllerOrg> {
        const standIn = await startCalendlyStandIn({ organization: options.organization });
        const controllerOrg = new ControllerOrg(standIn);
        try {
            const loaded = loadedProject();
            controllerOrg.opened = openApexOrg(loaded, {
                state: 'fresh',
                flows: options.activeFlow
                    ? [readFlow(loaded, TEMPLATE, 'the template, as an active copy')]
                    : [],
                log: (line) => controllerOrg.lines.push(line),
                standIns: new Map([['Calendly', standIn.url]]),
                principals: new Map([
                    ['Calendly-CalendlyAdmin', new Map([['Token', standIn.token]])]
                ])
            });
            const [first, last] = options.adminName;
            controllerOrg.apex(
                [
                    `update new User(Id = UserInfo.getUserId(), FirstName = ${apexString(first)}, LastName = ${apexString(last)});`,
                    `insert new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = '${ADMIN_PERMISSION_SET}'].Id);`
                ].join('\n')
            );
        } catch (error) {
            await standIn.close();
            throw error;
        }
        return controllerOrg;
    }

    private get org(): OpenedApexOrg {
        if (!this.opened) {
            throw new Error('The embedded org is not open.');
        }
        return this.opened;
    }

    /** The admin who runs the page. */
    public get adminId(): string {
        return this.org.setup.adminId;
    }

    /**
     * Runs anonymous Apex as a user (the admin by default) and returns what it wrote with
     * System.debug. An exception it does not catch is thrown, with its type and message.
     */
    public apex(text: string, userId: string = this.adminId): string[] {
        this.lines.length = 0;
        const outcome = this.org.org.asUser(userId, () =>
            executeAnonymous(this.org.org, text, 'preview.apex')
        );
        if (outcome.kind === 'exception') {
            throw new Error(`${outcome.type}: ${outcome.message}\nin:\n${text}`);
        }
        return this.lines.filter((line) => DEBUG.test(line)).map((line) => line.replace(DEBUG, ''));
    }

    /**
     * Calls an @AuraEnabled method of the controller as the admin, with the arguments a
     * component passes (an object whose keys are the parameters' names), and answers as
     * Lightning would: the value as JSON, or the AuraHandledException's message.
     */
    public call(method: string, args: Readonly<Record<string, unknown>> = {}): ApexAnswer {
        const parameters = this.methods.get(method);
        if (parameters === undefined) {
            throw new ControllerCallError(
                `${CONTROLLER} has no @AuraEnabled method ${method}: use one of ${[...this.methods.keys()].join(', ')}.`
            );
        }
        const unknown = Object.keys(args).filter(
            (name) => !parameters.some((parameter) => parameter.name === name)
        );
        if (unknown.length > 0) {
            throw new ControllerCallError(
                `${CONTROLLER}.${method} takes no parameter ${unknown.join(', ')}.`
            );
        }
        const values = parameters.map((parameter) =>
            apexArgument(method, parameter, args[parameter.name])
        );
        const text = `System.debug('${ANSWER}' + JSON.serialize(${CONTROLLER}.${method}(${values.join(', ')})));`;
        this.lines.length = 0;
        const outcome = this.org.org.asUser(this.adminId, () =>
            executeAnonymous(this.org.org, text, 'preview.apex')
        );
        if (outcome.kind === 'exception') {
            return { ok: false, error: { status: 500, body: { message: outcome.message } } };
        }
        const line = this.lines
            .map((each) => each.replace(DEBUG, ''))
            .find((each) => each.startsWith(ANSWER));
        if (line === undefined) {
            throw new Error(`${CONTROLLER}.${method} ran but wrote no answer.`);
        }
        const value = JSON.parse(line.slice(ANSWER.length)) as unknown;
        return { ok: true, value: auraValue(this.views, METHOD_VIEWS[method] ?? method, value) };
    }

    /** Gives the stand-in these faults just before the next job runs. */
    public faultsAtNextJob(faults: readonly Fault[]): void {
        this.pendingFaults = faults;
    }

    /** Runs the next queued job (a step of a sync) as the admin; false when none is queued. */
    public runNextJob(): boolean {
        const entry = this.org.org.jobs.queue.shift();
        if (entry === undefined) {
            return false;
        }
        if (this.pendingFaults !== undefined) {
            this.standIn.setFaults(this.pendingFaults);
            this.pendingFaults = undefined;
        }
        this.org.org.asUser(this.adminId, () => this.org.org.jobs.runQueueable(entry));
        return true;
    }

    /** Runs every queued job, and those they chain, to the end of the queue. */
    public runJobs(): number {
        let ran = 0;
        while (this.runNextJob()) {
            ran++;
        }
        return ran;
    }

    /**
     * Lets time pass in the org and at Calendly: the clock that stamps saves and that System.now
     * reads moves forward, and so does the stand-in's rate-limit window.
     */
    public passTime(milliseconds: number): void {
        this.org.org.advanceClock(milliseconds);
        this.standIn.advanceClock(milliseconds);
    }

    /** Fires the hourly sync's scheduled job once, as its trigger would. */
    public fireHourlySync(): void {
        const [firing] = this.org.org.jobs.firing();
        if (firing === undefined) {
            throw new Error('The hourly sync is not scheduled.');
        }
        this.org.org.asUser(this.adminId, () => this.org.org.jobs.fire(firing));
    }

    public async close(): Promise<void> {
        await this.standIn.close();
    }
}
