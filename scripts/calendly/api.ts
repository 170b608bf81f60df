import { createHash } from 'node:crypto';
import {
    invalidArgument,
    NOT_ADMIN,
    NOT_FOUND,
    NOT_IN_ORGANIZATION,
    serverError,
    TOO_MANY_REQUESTS,
    UNAUTHENTICATED
} from './messages';
import { defaultToken, owner } from './organization';
import type {
    ApiRequest,
    ApiResponse,
    CalendlyEventType,
    ErrorBody,
    Fault,
    Member,
    Organization,
    Pagination,
    RateLimit,
    RequestLog,
    StandInOptions
} from './types';

/**
 * The Calendly API v2 stand-in's core: one request in, one response out, with the clock passed
 * in. No I/O, so it is tested without a socket; standInThread.ts serves it over HTTP. Sources
 * are tagged as in types.ts.
 */

/** Paid plans: 500 requests per user per minute [RL]. */
export const PAID_PLAN_RATE_LIMIT: RateLimit = { limit: 500, windowSeconds: 60 };

/** `count`: default 20, min 1, max 100 [S23, S26]. */
const DEFAULT_COUNT = 20;
const MAX_COUNT = 100;

type Resource = 'organization_memberships' | 'event_types';

/** Where a page token points: the list, the filters it was made for, and the offset. */
interface Cursor {
    readonly resource: Resource;
    readonly filters: string;
    readonly offset: number;
}

interface Window {
    start: number;
    used: number;
}

/** A fault with the uses it has left, and the matching requests it still lets through. */
type PendingFault = Fault & { left: number; waiting: number };

/** Thrown inside a handler to answer with an error body; caught in CalendlyApi.handle. */
class Refusal extends Error {
    public constructor(
        public readonly status: number,
        public readonly body: ErrorBody
    ) {
        super(`${status} ${body.title}: ${body.message}`);
        this.name = 'Refusal';
    }
}

function refuse(status: number, body: ErrorBody): never {
    throw new Refusal(status, body);
}

function json(value: unknown): string {
    return JSON.stringify(value);
}

/** The last path segment of a URI; Calendly ids are opaque (CALENDLY.md §3.1). */
function lastSegment(uri: string): string {
    return uri.slice(uri.lastIndexOf('/') + 1);
}

function booleanParameter(query: URLSearchParams, name: string): boolean | undefined {
    const value = query.get(name);
    if (value === null) {
        return undefined;
    }
    if (value !== 'true' && value !== 'false') {
        refuse(400, invalidArgument(name, `${name} must be true or false.`));
    }
    return value === 'true';
}

function countParameter(query: URLSearchParams): number {
    const value = query.get('count');
    if (value === null) {
        return DEFAULT_COUNT;
    }
    const count = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(count >= 1 && count <= MAX_COUNT)) {
        refuse(400, invalidArgument('count', `count must be an integer from 1 to ${MAX_COUNT}.`));
    }
    return count;
}

/** Event-type `sort`: `field:dir` items, comma-separated, dir asc by default [S26, LE]. */
function sortEventTypes(
    eventTypes: readonly CalendlyEventType[],
    sort: string | null
): readonly CalendlyEventType[] {
    if (sort === null) {
        return eventTypes;
    }
    const keys = sort.split(',').map((item) => {
        const [field = '', direction = 'asc'] = item.trim().split(':');
        if (!['name', 'position', 'created_at', 'updated_at'].includes(field)) {
            refuse(400, invalidArgument('sort', `${field} is not a field event types sort by.`));
        }
        if (direction !== 'asc' && direction !== 'desc') {
            refuse(400, invalidArgument('sort', `${direction} is not asc or desc.`));
        }
        return { field: field as 'name' | 'position' | 'created_at' | 'updated_at', direction };
    });
    return [...eventTypes].sort((a, b) => {
        for (const { field, direction } of keys) {
            const left = a[field] ?? '';
            const right = b[field] ?? '';
            const order =
                typeof left === 'number' && typeof right === 'number'
                    ? left - right
                    : String(left).localeCompare(String(right));
            if (order !== 0) {
                return direction === 'asc' ? order : -order;
            }
        }
        return 0;
    });
}

export class CalendlyApi {
    private organization: Organization;
    private readonly tokens = new Map<string, string>();
    private readonly ownerToken: string;
    private readonly rateLimit: RateLimit;
    private faults: PendingFault[] = [];
    /** Requests still served before the owner's token is refused; undefined while it is valid. */
    private expiresAfter: number | undefined;
    private readonly windows = new Map<string, Window>();
    private readonly cursors = new Map<string, Cursor>();
    private readonly log: RequestLog[] = [];
    /**
     * What is worked out once per organization served, not once per request: its members by
     * user URI, and each list a page is cut from, by resource and filters. A new organization
     * (setOrganization, or an item moved by page drift) starts afresh.
     */
    private derived: {
        readonly organization: Organization;
        readonly members: Map<string, Member>;
        readonly lists: Map<string, readonly unknown[]>;
    } | null = null;

    /** @param baseUrl the stand-in's own address, for the `next_page` links it writes */
    public constructor(
        options: StandInOptions & { readonly organization: Organization },
        private readonly baseUrl: string
    ) {
        this.organization = options.organization;
        this.ownerToken = options.token ?? defaultToken(options.organization);
        this.tokens.set(this.ownerToken, owner(options.organization).user.uri);
        for (const [token, user] of Object.entries(options.tokens ?? {})) {
            this.tokens.set(token, user);
        }
        this.rateLimit = options.rateLimit ?? PAID_PLAN_RATE_LIMIT;
        this.setFaults(options.faults ?? []);
    }

    /** The owner's token, which every organization-wide read accepts. */
    public get token(): string {
        return this.ownerToken;
    }

    /** The requests served, from the given one on (0, the first, by default). */
    public requests(from = 0): RequestLog[] {
        return this.log.slice(from);
    }

    /** Replaces the pending faults; an empty list clears them, the expired token included. */
    public setFaults(faults: readonly Fault[]): void {
        const expiry = faults.find((fault) => fault.kind === 'expired-token');
        this.expiresAfter = expiry === undefined ? undefined : Math.max(0, expiry.after ?? 0);
        this.faults = faults
            .filter((fault) => fault.kind !== 'expired-token')
            .map((fault) => ({
                ...fault,
                left: 'times' in fault ? fault.times : 1,
                waiting: 'after' in fault ? Math.max(0, fault.after ?? 0) : 0
            }));
    }

    /** Whether the owner's token is refused for this request; counts down an expiry to come. */
    private tokenExpired(): boolean {
        if (this.expiresAfter === undefined) {
            return false;
        }
        if (this.expiresAfter > 0) {
            this.expiresAfter--;
            return false;
        }
        return true;
    }

    /** Serves another organization from the next request on; page tokens already given stay valid. */
    public setOrganization(organization: Organization): void {
        this.organization = organization;
    }

    /** The values derived from the organization served now (see `derived`). */
    private current(): NonNullable<CalendlyApi['derived']> {
        if (this.derived?.organization !== this.organization) {
            this.derived = {
                organization: this.organization,
                members: new Map(this.organization.members.map((each) => [each.user.uri, each])),
                lists: new Map()
            };
        }
        return this.derived;
    }

    private member(userUri: string): Member | undefined {
        return this.current().members.get(userUri);
    }

    public handle(request: ApiRequest, now: number): ApiResponse {
        const url = new URL(request.url, 'http://stand-in.invalid');
        const bearer = /^Bearer (\S+)$/i.exec(request.authorization ?? '')?.[1];
        const userUri = bearer === undefined ? undefined : this.tokens.get(bearer);
        const member = userUri === undefined ? undefined : this.member(userUri);
        // Limits are per user [RL]; a request without a known user counts against its token.
        const window = this.window(member?.user.uri ?? `token:${bearer ?? ''}`, now);
        window.used++;
        let fault: Fault['kind'] | undefined;
        let status: number;
        let body: string;
        let reset = Math.max(
            1,
            Math.ceil((window.start + this.rateLimit.windowSeconds * 1000 - now) / 1000)
        );
        let remaining = Math.max(0, this.rateLimit.limit - window.used);
        const injected429 = this.take('rate-limit', url.pathname);
        if (injected429?.kind === 'rate-limit') {
            fault = 'rate-limit';
            status = 429;
            body = json(TOO_MANY_REQUESTS);
            remaining = 0;
            reset = injected429.resetSeconds ?? 60;
        } else if (window.used > this.rateLimit.limit) {
            status = 429;
            body = json(TOO_MANY_REQUESTS);
        } else if (member === undefined || (bearer === this.ownerToken && this.tokenExpired())) {
            fault = member !== undefined ? 'expired-token' : undefined;
            status = 401;
            body = json(UNAUTHENTICATED);
        } else {
            const failure = this.take('server-error', url.pathname);
            if (failure?.kind === 'server-error') {
                fault = 'server-error';
                status = failure.status ?? 500;
                body = json(serverError(status));
            } else {
                try {
                    const routed = this.route(request.method, url, member);
                    status = 200;
                    body = json(routed.body);
                    fault = routed.drifted ? 'page-drift' : undefined;
                    if (this.take('malformed-json', url.pathname)) {
                        fault = 'malformed-json';
                        body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
                    }
                } catch (error) {
                    if (!(error instanceof Refusal)) {
                        throw error;
                    }
                    status = error.status;
                    body = json(error.body);
                }
            }
        }
        const slow = this.take('slow', url.pathname);
        if (slow?.kind === 'slow') {
            fault = 'slow';
        }
        this.log.push({
            method: request.method,
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
            status,
            bytes: Buffer.byteLength(body, 'utf8'),
            ...(fault === undefined ? {} : { fault })
        });
        return {
            status,
            // All responses carry the three headers; Reset is seconds until the window resets [RL].
            headers: {
                'Content-Type': 'application/json; charset=utf-8',
                'X-RateLimit-Limit': String(this.rateLimit.limit),
                'X-RateLimit-Remaining': String(remaining),
                'X-RateLimit-Reset': String(reset)
            },
            body,
            ...(slow?.kind === 'slow' ? { delayMs: slow.delayMs } : {})
        };
    }

    private window(key: string, now: number): Window {
        const current = this.windows.get(key);
        if (current && now - current.start < this.rateLimit.windowSeconds * 1000) {
            return current;
        }
        const fresh = { start: now, used: 0 };
        this.windows.set(key, fresh);
        return fresh;
    }

    /** Uses up one of the first pending fault of this kind that applies to the path. */
    private take(kind: Fault['kind'], path: string, resource?: Resource): Fault | undefined {
        const index = this.faults.findIndex(
            (fault) =>
                fault.kind === kind &&
                fault.left > 0 &&
                (!('path' in fault) || fault.path === path) &&
                (resource === undefined || ('resource' in fault && fault.resource === resource))
        );
        const fault = this.faults[index];
        if (fault === undefined) {
            return undefined;
        }
        if (fault.waiting > 0) {
            fault.waiting--;
            return undefined;
        }
        fault.left--;
        if (fault.left <= 0) {
            this.faults.splice(index, 1);
        }
        return fault;
    }

    private route(
        method: string,
        url: URL,
        member: Member
    ): { readonly body: unknown; readonly drifted?: boolean } {
        // Other methods on these paths: 404 [unconfirmed].
        if (method !== 'GET') {
            refuse(404, NOT_FOUND);
        }
        const path = url.pathname.replace(/\/+$/, '');
        if (path === '/users/me') {
            // GET /users/me → {resource: User} [GU].
            return { body: { resource: member.user } };
        }
        const user = /^\/users\/([^/]+)$/.exec(path);
        if (user?.[1] !== undefined) {
            const found = this.organization.members.find(
                (each) => lastSegment(each.user.uri) === decodeURIComponent(user[1] ?? '')
            );
            return { body: { resource: found?.user ?? refuse(404, NOT_FOUND) } };
        }
        const organization = /^\/organizations\/([^/]+)$/.exec(path);
        if (organization?.[1] !== undefined) {
            // GET /organizations/{uuid} → {resource: Organization} [S26].
            const own = this.organization.organization;
            if (lastSegment(own.uri) !== decodeURIComponent(organization[1])) {
                refuse(404, NOT_FOUND);
            }
            return { body: { resource: own } };
        }
        if (path === '/organization_memberships') {
            return this.memberships(url.searchParams, member);
        }
        if (path === '/event_types') {
            return this.eventTypes(url.searchParams, member);
        }
        return refuse(404, NOT_FOUND);
    }

    /**
     * The scope of a list: the organization (owners and admins only [S23, S26 403 texts;
     * CALENDLY.md §2 "Org-wide reads need an owner/admin token"]) or one user.
     */
    private scope(
        query: URLSearchParams,
        member: Member
    ): { organization: boolean; user?: string } {
        const organization = query.get('organization');
        const user = query.get('user');
        if (organization === null && user === null) {
            refuse(400, invalidArgument('organization', 'organization or user is required.'));
        }
        if (organization !== null) {
            if (organization !== this.organization.organization.uri) {
                refuse(403, NOT_IN_ORGANIZATION);
            }
            if (member.membership.role === 'user') {
                refuse(403, NOT_ADMIN);
            }
        }
        if (user !== null && this.member(user) === undefined) {
            refuse(403, NOT_IN_ORGANIZATION);
        }
        return user === null
            ? { organization: true }
            : { organization: organization !== null, user };
    }

    /** GET /organization_memberships [LM; filters §3.3]. */
    private memberships(
        query: URLSearchParams,
        member: Member
    ): { readonly body: unknown; readonly drifted: boolean } {
        const scope = this.scope(query, member);
        const email = query.get('email');
        const role = query.get('role');
        if (role !== null && !['owner', 'admin', 'user'].includes(role)) {
            refuse(400, invalidArgument('role', 'role must be owner, admin or user.'));
        }
        const select = (): Member[] =>
            this.organization.members.filter(
                (each) =>
                    (scope.user === undefined || each.user.uri === scope.user) &&
                    (email === null || each.user.email === email) &&
                    (role === null || each.membership.role === role)
            );
        const page = this.page('organization_memberships', query, select, (moved) => {
            this.organization = {
                ...this.organization,
                members: [moved, ...this.organization.members.filter((each) => each !== moved)]
            };
        });
        return {
            body: {
                collection: page.items.map((each) => each.membership),
                pagination: page.pagination
            },
            drifted: page.drifted
        };
    }

    /** GET /event_types [LE; filters §3.4]. */
    private eventTypes(
        query: URLSearchParams,
        member: Member
    ): { readonly body: unknown; readonly drifted: boolean } {
        const scope = this.scope(query, member);
        const active = booleanParameter(query, 'active');
        const adminManaged = booleanParameter(query, 'admin_managed');
        const sort = query.get('sort');
        const select = (): CalendlyEventType[] => [
            ...sortEventTypes(
                this.organization.eventTypes
                    .map((record) => record.eventType)
                    .filter(
                        (eventType) =>
                            (scope.user === undefined || eventType.profile?.owner === scope.user) &&
                            (active === undefined || eventType.active === active) &&
                            (adminManaged === undefined || eventType.admin_managed === adminManaged)
                    ),
                sort
            )
        ];
        const page = this.page('event_types', query, select, (moved) => {
            this.organization = {
                ...this.organization,
                eventTypes: [
                    ...this.organization.eventTypes.filter((record) => record.eventType === moved),
                    ...this.organization.eventTypes.filter((record) => record.eventType !== moved)
                ]
            };
        });
        return {
            body: { collection: page.items, pagination: page.pagination },
            drifted: page.drifted
        };
    }

    /**
     * One page of a list. Page tokens are opaque to clients (32 letters and digits, as in S23's
     * examples); here they stand for an offset into the list as it is at each read
     * [unconfirmed: how Calendly's tokens behave when the list changes between reads]. A token
     * this stand-in never gave, or one sent with other filters, is refused with 400
     * [unconfirmed; CALENDLY.md §3.6].
     */
    private page<T>(
        resource: Resource,
        query: URLSearchParams,
        select: () => T[],
        move: (moved: T) => void
    ): { items: T[]; pagination: Pagination; drifted: boolean } {
        const count = countParameter(query);
        const filters = [...query.entries()]
            .filter(([name]) => name !== 'count' && name !== 'page_token')
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, value]) => `${name}=${value}`)
            .join('&');
        const token = query.get('page_token');
        let offset = 0;
        if (token !== null) {
            const cursor = this.cursors.get(token);
            if (cursor?.resource !== resource) {
                refuse(
                    400,
                    invalidArgument('page_token', 'page_token is not a token of this list.')
                );
            }
            if (cursor.filters !== filters) {
                refuse(
                    400,
                    invalidArgument(
                        'page_token',
                        'page_token was given for other parameters; send the same ones.'
                    )
                );
            }
            offset = cursor.offset;
        }
        const selected = (): T[] => {
            const key = `${resource}|${filters}`;
            const lists = this.current().lists;
            const cached = lists.get(key) as T[] | undefined;
            if (cached !== undefined) {
                return cached;
            }
            const list = select();
            lists.set(key, list);
            return list;
        };
        let items = selected();
        let drifted = false;
        const unread = items[offset];
        if (token !== null && unread !== undefined && this.take('page-drift', '', resource)) {
            move(unread);
            items = selected();
            drifted = true;
        }
        const slice = items.slice(offset, offset + count);
        const next =
            offset + count < items.length ? this.tokenFor(resource, filters, offset + count) : null;
        const previous =
            offset > 0 ? this.tokenFor(resource, filters, Math.max(0, offset - count)) : null;
        return {
            items: slice,
            drifted,
            // All five keys, null past either end [S26]; next_page repeats every parameter,
            // alphabetically and URL-encoded, as in koshilife's fixtures [FX in CALENDLY.md §3.6].
            pagination: {
                count: slice.length,
                next_page: next === null ? null : this.link(resource, query, count, next),
                previous_page:
                    previous === null ? null : this.link(resource, query, count, previous),
                next_page_token: next,
                previous_page_token: previous
            }
        };
    }

    private tokenFor(resource: Resource, filters: string, offset: number): string {
        const digest = createHash('sha256')
            .update(`${this.organization.seed}|${resource}|${filters}|${offset}`)
            .digest('base64')
            .replace(/[^A-Za-z0-9]/g, '');
        const token = digest.slice(0, 32);
        this.cursors.set(token, { resource, filters, offset });
        return token;
    }

    private link(resource: Resource, query: URLSearchParams, count: number, token: string): string {
        const parameters = new URLSearchParams(
            [...query.entries()].filter(([name]) => name !== 'count' && name !== 'page_token')
        );
        parameters.set('count', String(count));
        parameters.set('page_token', token);
        parameters.sort();
        return `${this.baseUrl}/${resource}?${parameters.toString()}`;
    }
}
