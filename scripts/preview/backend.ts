import { ControllerCallError, type ApexAnswer, type ControllerOrg } from './controllerOrg';
import { DEFAULT_SCENARIO, findScenario, SCENARIOS } from './scenarios';

/**
 * The preview's server side of Apex: one embedded org per page address, opened from the
 * scenario its query string names (`?scenario=failed-run`; connected when it names none) and
 * kept until the preview stops, so that a reload finds what happened before it (the run it
 * started, the hourly sync it switched off). Any other parameter makes another org of the
 * same scenario (`?scenario=connected&org=2`).
 *
 * The sync's queued steps run when the page asks for its run (getRun, every poll): one step
 * per poll, so the page shows the run going through its steps as the platform would run them.
 */

/** A preview server's answer: its HTTP status and JSON body. */
export interface BackendAnswer {
    readonly status: number;
    readonly body: ApexAnswer | { readonly message: string };
}

/** The org's key: the page's query parameters, sorted, so that their order does not matter. */
export function orgKey(search: string): string {
    const params = new URLSearchParams(search);
    params.sort();
    return params.toString();
}

export class PreviewBackend {
    private readonly orgs = new Map<string, Promise<ControllerOrg>>();

    /** The org of a page address, opened on its first call. */
    private org(search: string): Promise<ControllerOrg> {
        const key = orgKey(search);
        let org = this.orgs.get(key);
        if (org === undefined) {
            const name = new URLSearchParams(search).get('scenario') ?? DEFAULT_SCENARIO;
            const scenario = findScenario(name);
            if (scenario === undefined) {
                throw new ControllerCallError(
                    `The preview has no scenario ${name}: use one of ${SCENARIOS.map((each) => each.name).join(', ')}.`
                );
            }
            org = scenario.open();
            this.orgs.set(key, org);
            // A scenario that could not open is opened again on the next call.
            org.catch(() => this.orgs.delete(key));
        }
        return org;
    }

    /** Answers a component's call of a controller method, from the page at `search`. */
    public async call(method: string, search: string, args: unknown): Promise<BackendAnswer> {
        try {
            if (typeof args !== 'object' || args === null || Array.isArray(args)) {
                throw new ControllerCallError(
                    `${method}: the arguments must be an object of parameter names and values.`
                );
            }
            const org = await this.org(search);
            if (method === 'getRun') {
                org.runNextJob();
            }
            return { status: 200, body: org.call(method, args as Record<string, unknown>) };
        } catch (error) {
            if (error instanceof ControllerCallError) {
                return { status: 400, body: { message: error.message } };
            }
            throw error;
        }
    }

    public async close(): Promise<void> {
        const orgs = [...this.orgs.values()];
        this.orgs.clear();
        await Promise.all(
            orgs.map((org) =>
                org.then(
                    (opened) => opened.close(),
                    () => undefined
                )
            )
        );
    }
}
