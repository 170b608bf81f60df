import { requestSync, stopSyncHttp, SyncHttpError } from '../../runtime/drivers/syncHttp';
import {
    changeSchedulingUrl,
    deactivateEventType,
    generateOrganization,
    removeMember,
    renameEventType
} from '../organization';
import { startCalendlyStandIn, type CalendlyStandIn } from '../server';
import type { Organization } from '../types';

interface Reply {
    readonly status: number;
    readonly headers: Headers;
    readonly text: string;
    readonly body: Record<string, unknown>;
}

/** A GET as the package's client sends it, with the owner's token unless told otherwise. */
async function get(
    standIn: CalendlyStandIn,
    pathAndQuery: string,
    token?: string | null
): Promise<Reply> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const bearer = token === undefined ? standIn.token : token;
    if (bearer !== null) {
        headers.Authorization = `Bearer ${bearer}`;
    }
    const response = await fetch(`${standIn.url}${pathAndQuery}`, { headers });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
        body = JSON.parse(text) as Record<string, unknown>;
    } catch {
        // A malformed body is asserted on through `text`.
    }
    return { status: response.status, headers: response.headers, text, body };
}

function collection(reply: Reply): Record<string, unknown>[] {
    return reply.body.collection as Record<string, unknown>[];
}

function pagination(reply: Reply): Record<string, unknown> {
    return reply.body.pagination as Record<string, unknown>;
}

/** Walks every page of a list by next_page_token, as CalendlyApiClient does. */
async function walk(standIn: CalendlyStandIn, firstPage: string): Promise<Reply[]> {
    const pages: Reply[] = [];
    let token: string | null = null;
    do {
        const suffix: string = token === null ? '' : `&page_token=${encodeURIComponent(token)}`;
        const reply = await get(standIn, `${firstPage}${suffix}`);
        expect(reply.status).toBe(200);
        pages.push(reply);
        token = pagination(reply).next_page_token as string | null;
    } while (token !== null);
    return pages;
}

function memberships(organization: Organization): string {
    return `/organization_memberships?organization=${encodeURIComponent(organization.organization.uri)}&count=100`;
}

function managedEventTypes(organization: Organization): string {
    return `/event_types?organization=${encodeURIComponent(organization.organization.uri)}&admin_managed=true&count=100`;
}

const PLAIN_USER_TOKEN = 'plain-user-token';

describe('generateOrganization', () => {
    it('should give the same organization for the same seed and another for another seed', () => {
        const first = generateOrganization({ seed: 42, members: 250 });
        const again = generateOrganization({ seed: 42, members: 250 });
        const other = generateOrganization({ seed: 43, members: 250 });

        expect(again).toEqual(first);
        expect(other.organization.uri).not.toBe(first.organization.uri);
        expect(first.members).toHaveLength(250);
        expect(new Set(first.members.map((member) => member.user.uri)).size).toBe(250);
    });

    it('should have an owner, admins, members without a link and inactive managed event types', () => {
        const organization = generateOrganization({ seed: 7, members: 250, managedEventTypes: 4 });
        const roles = organization.members.map((member) => member.membership.role);
        const managed = organization.eventTypes.filter((record) => record.eventType.admin_managed);

        expect(roles.filter((role) => role === 'owner')).toHaveLength(1);
        expect(roles.filter((role) => role === 'admin').length).toBeGreaterThan(0);
        expect(organization.members.some((member) => member.user.scheduling_url === null)).toBe(
            true
        );
        expect(managed.some((record) => !record.eventType.active)).toBe(true);
        expect(managed.some((record) => record.eventType.active)).toBe(true);
        for (const record of managed) {
            const owner = organization.members.find(
                (member) => member.user.uri === record.eventType.profile?.owner
            );
            expect(owner).toBeDefined();
            expect(record.hosts).toEqual([owner?.user.uri]);
            expect(record.eventType.scheduling_url).toBe(
                `https://calendly.com/${owner?.user.slug ?? ''}/${record.eventType.slug ?? ''}`
            );
        }
        expect(
            organization.eventTypes.some((record) => record.eventType.pooling_type !== null)
        ).toBe(true);
    });

    it('should change between runs: a member leaves, a link changes, an event type is renamed or deactivated', () => {
        const before = generateOrganization({ seed: 3, members: 30 });
        const managed = before.eventTypes.find((record) => record.eventType.admin_managed);
        if (managed?.template == null || managed.eventType.profile === null) {
            throw new Error('The organization has no managed event type.');
        }
        const holder = managed.eventType.profile.owner;

        const moved = changeSchedulingUrl(before, holder, 'new-slug');
        const renamed = renameEventType(before, managed.template, 'Zulu Call', 'zulu-call');
        const deactivated = deactivateEventType(before, managed.eventType.uri);
        const left = removeMember(before, holder);

        expect(
            moved.members.find((member) => member.user.uri === holder)?.membership.user.slug
        ).toBe('new-slug');
        expect(
            moved.eventTypes.find((record) => record.eventType.uri === managed.eventType.uri)
                ?.eventType.scheduling_url
        ).toBe(`https://calendly.com/new-slug/${managed.eventType.slug ?? ''}`);
        const copies = renamed.eventTypes.filter((record) => record.template === managed.template);
        expect(
            copies.every(
                (record) =>
                    record.eventType.name === 'Zulu Call' &&
                    record.eventType.scheduling_url.endsWith('/zulu-call')
            )
        ).toBe(true);
        expect(renamed.eventTypes.at(-1)?.eventType.name).toBe('Zulu Call');
        expect(
            deactivated.eventTypes.find((record) => record.eventType.uri === managed.eventType.uri)
                ?.eventType.active
        ).toBe(false);
        expect(left.members.some((member) => member.user.uri === holder)).toBe(false);
        expect(left.eventTypes.some((record) => record.eventType.profile?.owner === holder)).toBe(
            false
        );
        expect(before).toEqual(generateOrganization({ seed: 3, members: 30 }));
    });
});

describe('startCalendlyStandIn', () => {
    const organization = generateOrganization({ seed: 250, members: 250 });
    const plainUser = organization.members.find((member) => member.membership.role === 'user');
    let standIn: CalendlyStandIn;

    beforeAll(async () => {
        standIn = await startCalendlyStandIn({
            organization,
            tokens: { [PLAIN_USER_TOKEN]: plainUser?.user.uri ?? '' }
        });
    });

    afterEach(() => {
        standIn.setFaults([]);
        standIn.setOrganization(organization);
    });

    afterAll(async () => {
        await Promise.all([standIn.close(), stopSyncHttp()]);
    });

    it('should listen on 127.0.0.1 on a free port', () => {
        expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it('should serve every member of a 250-member organization once over three pages of 100', async () => {
        const pages = await walk(standIn, memberships(organization));

        const uris = pages.flatMap((page) =>
            collection(page).map((item) => (item.user as { uri: string }).uri)
        );
        expect(pages.map((page) => collection(page).length)).toEqual([100, 100, 50]);
        expect(uris).toHaveLength(250);
        expect(new Set(uris)).toEqual(
            new Set(organization.members.map((member) => member.user.uri))
        );
        expect(pagination(pages[0] as Reply)).toEqual(
            expect.objectContaining({ count: 100, previous_page: null, previous_page_token: null })
        );
        expect(pagination(pages[1] as Reply).previous_page_token).toEqual(
            expect.any(String) as unknown
        );
        expect(pagination(pages[2] as Reply)).toEqual(
            expect.objectContaining({ count: 50, next_page: null, next_page_token: null })
        );
    });

    it('should give a next_page link that repeats the parameters and can be followed', async () => {
        const first = await get(standIn, memberships(organization));
        const nextPage = pagination(first).next_page as string;
        const token = pagination(first).next_page_token as string;

        expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
        expect(nextPage).toBe(
            `${standIn.url}/organization_memberships?count=100&organization=${encodeURIComponent(organization.organization.uri)}&page_token=${token}`
        );
        const second = await get(standIn, nextPage.slice(standIn.url.length));
        expect(second.status).toBe(200);
        expect(collection(second)).toHaveLength(100);
    });

    it('should serve the shapes CalendlyApiClient parses', async () => {
        const me = await get(standIn, '/users/me');
        const organizationReply = await get(
            standIn,
            `/organizations/${organization.organization.uri.split('/').pop() ?? ''}`
        );
        const members = await get(
            standIn,
            `/organization_memberships?organization=${encodeURIComponent(organization.organization.uri)}&count=1`
        );
        const eventTypes = await walk(standIn, managedEventTypes(organization));

        expect(me.status).toBe(200);
        expect(me.body.resource).toEqual(
            expect.objectContaining({
                uri: expect.stringMatching(/^https:\/\/api\.calendly\.com\/users\//) as unknown,
                name: expect.any(String) as unknown,
                email: expect.any(String) as unknown,
                scheduling_url: expect.stringMatching(/^https:\/\/calendly\.com\//) as unknown,
                current_organization: organization.organization.uri,
                resource_type: 'User'
            })
        );
        expect(organizationReply.body.resource).toEqual(organization.organization);
        const membership = collection(members)[0];
        expect(Object.keys(membership ?? {}).sort()).toEqual([
            'created_at',
            'organization',
            'role',
            'updated_at',
            'uri',
            'user'
        ]);
        expect(Object.keys(membership?.user ?? {}).sort()).toEqual([
            'avatar_url',
            'created_at',
            'email',
            'locale',
            'name',
            'scheduling_url',
            'slug',
            'timezone',
            'updated_at',
            'uri'
        ]);
        const items = eventTypes.flatMap(collection);
        const managedCount = organization.eventTypes.filter(
            (record) => record.eventType.admin_managed
        ).length;
        expect(items).toHaveLength(managedCount);
        expect(items.every((item) => item.admin_managed === true)).toBe(true);
        expect(items.some((item) => item.active === false)).toBe(true);
        expect(items[0]).toEqual(
            expect.objectContaining({
                uri: expect.stringMatching(
                    /^https:\/\/api\.calendly\.com\/event_types\//
                ) as unknown,
                name: expect.any(String) as unknown,
                slug: expect.any(String) as unknown,
                scheduling_url: expect.stringMatching(
                    /^https:\/\/calendly\.com\/[^/]+\/[^/]+$/
                ) as unknown,
                pooling_type: null,
                profile: {
                    type: 'User',
                    name: expect.any(String) as unknown,
                    owner: expect.any(String) as unknown
                }
            })
        );
    });

    it('should filter event types by active and leave out managed ones when admin_managed is false', async () => {
        const base = `/event_types?organization=${encodeURIComponent(organization.organization.uri)}&count=100`;
        const active = (await walk(standIn, `${base}&active=true`)).flatMap(collection);
        const personal = (await walk(standIn, `${base}&admin_managed=false`)).flatMap(collection);

        expect(active.every((item) => item.active === true)).toBe(true);
        expect(personal.length).toBeGreaterThan(0);
        expect(personal.every((item) => item.admin_managed === false)).toBe(true);
    });

    it('should refuse a missing or wrong token with 401, and a plain user or another organization with 403', async () => {
        const missing = await get(standIn, '/users/me', null);
        const wrong = await get(standIn, '/users/me', 'not-a-token');
        const plain = await get(standIn, memberships(organization), PLAIN_USER_TOKEN);
        const plainEvents = await get(standIn, managedEventTypes(organization), PLAIN_USER_TOKEN);
        const plainMe = await get(standIn, '/users/me', PLAIN_USER_TOKEN);
        const elsewhere = await get(
            standIn,
            '/event_types?organization=https%3A%2F%2Fapi.calendly.com%2Forganizations%2FOTHER'
        );

        for (const reply of [missing, wrong]) {
            expect(reply.status).toBe(401);
            expect(reply.body).toEqual({
                title: 'Unauthenticated',
                message: 'The access token is invalid'
            });
            expect(reply.headers.get('X-RateLimit-Limit')).toBe('500');
        }
        expect(plain.status).toBe(403);
        expect(plain.body).toEqual({
            title: 'Permission Denied',
            message: 'You do not have permission'
        });
        expect(plainEvents.status).toBe(403);
        expect(plainMe.status).toBe(200);
        expect(elsewhere.status).toBe(403);
        expect(elsewhere.body.message).toBe('This user is not in your organization');
    });

    it('should refuse bad parameters and unknown page tokens with 400, and unknown paths with 404', async () => {
        const tooMany = await get(
            standIn,
            memberships(organization).replace('count=100', 'count=101')
        );
        const noScope = await get(standIn, '/event_types?count=10');
        const forged = await get(
            standIn,
            `${memberships(organization)}&page_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`
        );
        const unknown = await get(standIn, '/scheduled_events');

        expect([tooMany.status, noScope.status, forged.status]).toEqual([400, 400, 400]);
        expect(tooMany.body).toEqual(
            expect.objectContaining({
                title: 'Invalid Argument',
                details: [expect.objectContaining({ parameter: 'count' }) as unknown]
            })
        );
        expect(unknown.status).toBe(404);
        expect(unknown.body.title).toBe('Resource Not Found');
    });

    it('should answer a rate-limit burst with 429 and the three headers, then serve again', async () => {
        standIn.setFaults([{ kind: 'rate-limit', times: 2, resetSeconds: 7 }]);

        const replies = [
            await get(standIn, '/users/me'),
            await get(standIn, '/users/me'),
            await get(standIn, '/users/me')
        ];

        expect(replies.map((reply) => reply.status)).toEqual([429, 429, 200]);
        expect(replies[0]?.headers.get('X-RateLimit-Limit')).toBe('500');
        expect(replies[0]?.headers.get('X-RateLimit-Remaining')).toBe('0');
        expect(replies[0]?.headers.get('X-RateLimit-Reset')).toBe('7');
        expect(replies[0]?.body.title).toEqual(expect.any(String) as unknown);
        expect(
            standIn
                .requests()
                .slice(-3)
                .map((entry) => entry.fault)
        ).toEqual(['rate-limit', 'rate-limit', undefined]);
    });

    it("should answer a server error with its status and Calendly's error shape", async () => {
        standIn.setFaults([{ kind: 'server-error', times: 1, status: 503, path: '/event_types' }]);

        const me = await get(standIn, '/users/me');
        const failed = await get(standIn, managedEventTypes(organization));
        const retried = await get(standIn, managedEventTypes(organization));

        expect([me.status, failed.status, retried.status]).toEqual([200, 503, 200]);
        expect(failed.body).toEqual({
            title: 'Service Unavailable',
            message: expect.any(String) as unknown
        });
    });

    it('should let the given number of matching requests through before a fault applies', async () => {
        standIn.setFaults([
            { kind: 'server-error', times: 1, status: 502, path: '/event_types', after: 1 }
        ]);

        const first = await get(standIn, managedEventTypes(organization));
        const me = await get(standIn, '/users/me');
        const second = await get(standIn, managedEventTypes(organization));
        const third = await get(standIn, managedEventTypes(organization));

        expect([first.status, me.status, second.status, third.status]).toEqual([
            200, 200, 502, 200
        ]);
    });

    it('should send a slow response only after the delay', async () => {
        standIn.setFaults([{ kind: 'slow', times: 1, delayMs: 400 }]);

        const started = Date.now();
        const slow = await get(standIn, '/users/me');
        const slowMillis = Date.now() - started;

        expect(slow.status).toBe(200);
        expect(slowMillis).toBeGreaterThanOrEqual(390);
    });

    it('should make a synchronous client on the same thread time out when slower than its timeout', () => {
        standIn.setFaults([{ kind: 'slow', times: 1, delayMs: 800 }]);

        let failure: unknown;
        try {
            requestSync({
                method: 'GET',
                url: `${standIn.url}/users/me`,
                headers: [['Authorization', `Bearer ${standIn.token}`]],
                body: null,
                timeoutMs: 200
            });
        } catch (error) {
            failure = error;
        }

        expect(failure).toBeInstanceOf(SyncHttpError);
        expect((failure as SyncHttpError).kind).toBe('timeout');
        expect(standIn.requests().at(-1)).toEqual(expect.objectContaining({ fault: 'slow' }));
    });

    it('should send malformed JSON with a 200', async () => {
        standIn.setFaults([{ kind: 'malformed-json', times: 1 }]);

        const reply = await get(standIn, memberships(organization));

        expect(reply.status).toBe(200);
        expect(() => JSON.parse(reply.text) as unknown).toThrow(SyntaxError);
    });

    it('should refuse an expired token with 401 until the fault is cleared', async () => {
        standIn.setFaults([{ kind: 'expired-token' }]);
        const expired = await get(standIn, '/users/me');
        const plain = await get(standIn, '/users/me', PLAIN_USER_TOKEN);
        standIn.setFaults([]);
        const renewed = await get(standIn, '/users/me');

        expect([expired.status, plain.status, renewed.status]).toEqual([401, 200, 200]);
        expect(expired.body.title).toBe('Unauthenticated');
    });

    it('should refuse the token once the given number of requests were served', async () => {
        standIn.setFaults([{ kind: 'expired-token', after: 2 }]);
        const statuses = [];
        for (let i = 0; i < 4; i++) {
            statuses.push((await get(standIn, '/users/me')).status);
        }
        standIn.setFaults([]);

        expect(statuses).toEqual([200, 200, 401, 401]);
    });

    it('should let a membership drift between two page reads: one member missed, one served twice', async () => {
        standIn.setFaults([{ kind: 'page-drift', resource: 'organization_memberships' }]);

        const pages = await walk(standIn, memberships(organization));

        const uris = pages.flatMap((page) =>
            collection(page).map((item) => (item.user as { uri: string }).uri)
        );
        expect(uris).toHaveLength(250);
        expect(new Set(uris).size).toBe(249);
        const drifted = standIn.requests().filter((entry) => entry.fault === 'page-drift');
        expect(drifted).toHaveLength(1);
        expect(drifted[0]?.query.page_token).toEqual(expect.any(String) as unknown);
    });

    it('should let an event type drift between two page reads', async () => {
        const small = `/event_types?organization=${encodeURIComponent(organization.organization.uri)}&admin_managed=true&count=10`;
        standIn.setFaults([{ kind: 'page-drift', resource: 'event_types' }]);

        const items = (await walk(standIn, small))
            .flatMap(collection)
            .map((item) => item.uri as string);

        expect(new Set(items).size).toBe(items.length - 1);
    });

    it('should serve another organization after setOrganization', async () => {
        const leaver = organization.members[249]?.user.uri ?? '';
        standIn.setOrganization(removeMember(organization, leaver));

        const uris = (await walk(standIn, memberships(organization))).flatMap((page) =>
            collection(page).map((item) => (item.user as { uri: string }).uri)
        );

        expect(uris).toHaveLength(249);
        expect(uris).not.toContain(leaver);
    });

    it('should log every request with its method, path, query, status and body size', async () => {
        const before = standIn.requests().length;
        const refused = await get(standIn, '/users/me', 'wrong');
        const found = await get(standIn, `${memberships(organization)}&email=nobody%40example.com`);

        const log = standIn.requests().slice(before);

        expect(log).toEqual([
            {
                method: 'GET',
                path: '/users/me',
                query: {},
                status: 401,
                bytes: Buffer.byteLength(refused.text)
            },
            {
                method: 'GET',
                path: '/organization_memberships',
                query: {
                    organization: organization.organization.uri,
                    count: '100',
                    email: 'nobody@example.com'
                },
                status: 200,
                bytes: Buffer.byteLength(found.text)
            }
        ]);
    });

    it('should answer a synchronous client on the same thread (requestSync, as the embedded org calls out)', () => {
        const response = requestSync({
            method: 'GET',
            url: `${standIn.url}/users/me`,
            headers: [
                ['Accept', 'application/json'],
                ['Authorization', `Bearer ${standIn.token}`]
            ],
            body: null,
            timeoutMs: 5000
        });

        expect(response.status).toBe(200);
        expect(
            (JSON.parse(response.body) as { resource: { current_organization: string } }).resource
                .current_organization
        ).toBe(organization.organization.uri);
        expect(
            response.headers.some(([name]) => name.toLowerCase() === 'x-ratelimit-remaining')
        ).toBe(true);
        expect(standIn.requests().at(-1)).toEqual({
            method: 'GET',
            path: '/users/me',
            query: {},
            status: 200,
            bytes: Buffer.byteLength(response.body)
        });
    });
});

describe('startCalendlyStandIn rate limit', () => {
    it('should count requests per user and answer 429 past the limit, with the headers on every response', async () => {
        const standIn = await startCalendlyStandIn({
            organization: generateOrganization({ seed: 9, members: 3 }),
            rateLimit: { limit: 3, windowSeconds: 60 }
        });
        try {
            const replies = [];
            for (let i = 0; i < 4; i++) {
                replies.push(await get(standIn, '/users/me'));
            }

            expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429]);
            expect(replies.map((reply) => reply.headers.get('X-RateLimit-Remaining'))).toEqual([
                '2',
                '1',
                '0',
                '0'
            ]);
            expect(replies.every((reply) => reply.headers.get('X-RateLimit-Limit') === '3')).toBe(
                true
            );
            const reset = Number(replies[3]?.headers.get('X-RateLimit-Reset'));
            expect(reset).toBeGreaterThan(0);
            expect(reset).toBeLessThanOrEqual(60);
        } finally {
            await standIn.close();
        }
    });

    it('should open a new rate-limit window once its clock is moved past the reset', async () => {
        const standIn = await startCalendlyStandIn({
            organization: generateOrganization({ seed: 9, members: 3 }),
            rateLimit: { limit: 1, windowSeconds: 60 }
        });
        try {
            const first = await get(standIn, '/users/me');
            const limited = await get(standIn, '/users/me');
            standIn.advanceClock(Number(limited.headers.get('X-RateLimit-Reset')) * 1000);
            const after = await get(standIn, '/users/me');

            expect([first.status, limited.status, after.status]).toEqual([200, 429, 200]);
            expect(() => {
                standIn.advanceClock(-1);
            }).toThrow(/moves forward only/);
        } finally {
            await standIn.close();
        }
    });

    it('should refuse a port already in use', async () => {
        const first = await startCalendlyStandIn();
        const port = Number(new URL(first.url).port);
        try {
            await expect(startCalendlyStandIn({ port })).rejects.toThrow(
                /could not listen on 127\.0\.0\.1/
            );
        } finally {
            await first.close();
        }
    });
});
