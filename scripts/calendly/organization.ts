import type {
    CalendlyEventType,
    CalendlyOrganization,
    CalendlyUser,
    EventTypeRecord,
    Member,
    MembershipRole,
    MembershipUser,
    Organization,
    OrganizationOptions,
    UserLocale
} from './types';

/**
 * A generated Calendly organization of any size, the same for the same seed, and the changes
 * that happen to one between two syncs: a member joins or leaves, a profile link changes, an
 * event type is renamed or deactivated. Pure: no I/O, no clock, no Math.random.
 *
 * URI and link forms follow CALENDLY.md §3.1 ([S23], [S26] in types.ts): users at
 * `https://api.calendly.com/users/{uuid}`, links at `https://calendly.com/{slug}` and
 * `https://calendly.com/{owner-slug}/{event-slug}`; timestamps in UTC with microseconds.
 */

export const API_BASE = 'https://api.calendly.com';
export const LINK_BASE = 'https://calendly.com';

/** When every change made by the functions below happened, so that results stay deterministic. */
export const CHANGED_AT = '2026-01-05T09:00:00.000000Z';

// prettier-ignore
const FIRST_NAMES = [
    'Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kemi',
    'Liam', 'Maya', 'Noor', 'Oscar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera',
    'Wen', 'Xavi', 'Yara', 'Zoe'
];
// prettier-ignore
const LAST_NAMES = [
    'Abara', 'Brooks', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito',
    'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Quist', 'Rossi',
    'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Walsh', 'Yilmaz', 'Zhang'
];
const ORGANIZATION_NAMES = ['Acme Sales', 'Northwind Traders', 'Globex Partners', 'Initech'];
// prettier-ignore
const MANAGED_NAMES = [
    'Intro Call', 'Discovery Call', 'Product Demo', 'Onboarding Session', 'Quarterly Review',
    'Pricing Walkthrough', 'Renewal Chat', 'Support Call', 'Technical Deep Dive', 'Kickoff'
];
const TEAM_EVENTS = [
    { name: 'Sales Round Robin', pooling: 'round_robin' },
    { name: 'Panel Interview', pooling: 'collective' }
] as const;
const TIMEZONES = ['Europe/London', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin'];
const LOCALES: readonly UserLocale[] = ['en', 'en', 'en', 'fr', 'de', 'es', 'pt'];
const COLORS = ['#0069ff', '#8247f5', '#17e885', '#ff4f00', '#e55cff'];

/** mulberry32: a small, well-known 32-bit generator; the same seed gives the same sequence. */
function generator(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

type Random = () => number;

function pick<T>(random: Random, values: readonly T[]): T {
    const value = values[Math.floor(random() * values.length)];
    if (value === undefined) {
        throw new Error('Cannot pick from an empty list.');
    }
    return value;
}

/** An id in the UUID form newer Calendly ids take (CALENDLY.md §3.1: ids are opaque). */
function uuid(random: Random): string {
    let hex = '';
    for (let i = 0; i < 32; i++) {
        hex += Math.floor(random() * 16).toString(16);
    }
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** A UTC time with microseconds, as Calendly writes them [S23]. */
function timestamp(random: Random, from: number, spanDays: number): string {
    const millis = from + Math.floor(random() * spanDays * 86_400_000);
    const micros = String(Math.floor(random() * 1000)).padStart(3, '0');
    return new Date(millis).toISOString().replace('Z', `${micros}Z`);
}

export function slugify(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
}

function sortEventTypes(records: readonly EventTypeRecord[]): EventTypeRecord[] {
    return [...records].sort((a, b) => {
        const byName = (a.eventType.name ?? '\uffff').localeCompare(b.eventType.name ?? '\uffff');
        return byName !== 0 ? byName : a.eventType.uri.localeCompare(b.eventType.uri);
    });
}

function memberFor(
    random: Random,
    organizationUri: string,
    domain: string,
    role: MembershipRole,
    withLink: boolean,
    usedSlugs: Set<string>
): Member {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    let slug = slugify(`${first} ${last}`);
    for (let n = 2; usedSlugs.has(slug); n++) {
        slug = `${slugify(`${first} ${last}`)}-${n}`;
    }
    usedSlugs.add(slug);
    const userId = uuid(random);
    const createdAt = timestamp(random, Date.UTC(2023, 0, 1), 700);
    const nested: MembershipUser = {
        uri: `${API_BASE}/users/${userId}`,
        name: `${first} ${last}`,
        slug,
        email: `${slug.replace(/-/g, '.')}@${domain}`,
        scheduling_url: withLink ? `${LINK_BASE}/${slug}` : null,
        timezone: pick(random, TIMEZONES),
        avatar_url: random() < 0.5 ? null : `https://assets.calendly.com/avatars/${userId}.png`,
        locale: pick(random, LOCALES),
        created_at: createdAt,
        updated_at: createdAt
    };
    const user: CalendlyUser = {
        ...nested,
        time_notation: random() < 0.7 ? '12h' : '24h',
        current_organization: organizationUri,
        resource_type: 'User'
    };
    return {
        user,
        membership: {
            uri: `${API_BASE}/organization_memberships/${uuid(random)}`,
            role,
            user: nested,
            organization: organizationUri,
            created_at: createdAt,
            updated_at: createdAt
        }
    };
}

function eventType(
    random: Random,
    fields: Pick<
        CalendlyEventType,
        'name' | 'slug' | 'scheduling_url' | 'active' | 'admin_managed' | 'pooling_type' | 'profile'
    >,
    position: number
): CalendlyEventType {
    const createdAt = timestamp(random, Date.UTC(2024, 0, 1), 500);
    const duration = pick(random, [15, 30, 30, 45, 60]);
    return {
        uri: `${API_BASE}/event_types/${uuid(random)}`,
        ...fields,
        secret: false,
        is_paid: false,
        booking_method: 'instant',
        duration,
        duration_options: null,
        kind: fields.pooling_type === null ? 'solo' : 'group',
        type: 'StandardEventType',
        color: pick(random, COLORS),
        created_at: createdAt,
        updated_at: createdAt,
        deleted_at: null,
        internal_note: null,
        description_plain: null,
        description_html: null,
        locale: 'en',
        position,
        locations: [{ kind: 'zoom_conference' }],
        custom_questions: []
    };
}

/**
 * An organization from a seed: an owner, an admin for every 20 members, plain users; managed
 * event types assigned to about half the members each (some inactive), a personal event type for
 * every third member and two pooled team event types. Some members have no scheduling link.
 */
export function generateOrganization(options: OrganizationOptions): Organization {
    const size = Math.max(1, Math.floor(options.members));
    const random = generator(options.seed);
    const organizationUri = `${API_BASE}/organizations/${uuid(random)}`;
    const name = pick(random, ORGANIZATION_NAMES);
    const domain = `${slugify(name)}.example.com`;
    const organizationCreated = timestamp(random, Date.UTC(2022, 0, 1), 300);
    const organization: CalendlyOrganization = {
        uri: organizationUri,
        kind: size > 1 ? 'multiple' : 'single',
        name,
        plan: 'teams',
        stage: 'paid',
        created_at: organizationCreated,
        updated_at: organizationCreated
    };
    const withoutLink = options.withoutSchedulingLink ?? 0.05;
    const admins = Math.max(1, Math.floor(size / 20));
    const usedSlugs = new Set<string>();
    const members: Member[] = [];
    for (let i = 0; i < size; i++) {
        const role: MembershipRole = i === 0 ? 'owner' : i <= admins ? 'admin' : 'user';
        // The owner always has a link: a sync run needs one member it can rely on.
        const withLink = i === 0 || random() >= withoutLink;
        members.push(memberFor(random, organizationUri, domain, role, withLink, usedSlugs));
    }

    const records: EventTypeRecord[] = [];
    const managedCount = Math.min(options.managedEventTypes ?? 3, MANAGED_NAMES.length);
    const inactiveShare = options.inactiveShare ?? 0.25;
    const inactiveCount =
        managedCount > 1 && inactiveShare > 0
            ? Math.min(managedCount - 1, Math.max(1, Math.round(managedCount * inactiveShare)))
            : 0;
    for (let t = 0; t < managedCount; t++) {
        const templateName = MANAGED_NAMES[t] ?? `Managed Event ${t + 1}`;
        const slug = slugify(templateName);
        const active = t < managedCount - inactiveCount;
        const assigned = members.filter((_, i) => i === t % size || random() < 0.5);
        for (const member of assigned) {
            records.push({
                template: slug,
                hosts: [member.user.uri],
                eventType: eventType(
                    random,
                    {
                        name: templateName,
                        slug,
                        scheduling_url: `${LINK_BASE}/${member.user.slug}/${slug}`,
                        active,
                        admin_managed: true,
                        pooling_type: null,
                        profile: { type: 'User', name: member.user.name, owner: member.user.uri }
                    },
                    t
                )
            });
        }
    }
    members.forEach((member, i) => {
        if (i % 3 === 0) {
            records.push({
                template: null,
                hosts: [member.user.uri],
                eventType: eventType(
                    random,
                    {
                        name: '30 Minute Meeting',
                        slug: '30min',
                        scheduling_url: `${LINK_BASE}/${member.user.slug}/30min`,
                        active: true,
                        admin_managed: false,
                        pooling_type: null,
                        profile: { type: 'User', name: member.user.name, owner: member.user.uri }
                    },
                    0
                )
            });
        }
    });
    for (const team of TEAM_EVENTS) {
        const teamSlug = slugify(`${name} team`);
        const slug = slugify(team.name);
        records.push({
            template: null,
            hosts: members.filter(() => random() < 0.3).map((member) => member.user.uri),
            eventType: eventType(
                random,
                {
                    name: team.name,
                    slug,
                    // Team links and team profile owners: [unconfirmed] (CALENDLY.md §3.1, §3.4).
                    scheduling_url: `${LINK_BASE}/${teamSlug}/${slug}`,
                    active: true,
                    admin_managed: false,
                    pooling_type: team.pooling,
                    profile: {
                        type: 'Team',
                        name: `${name} Team`,
                        owner: `${API_BASE}/teams/${uuid(random)}`
                    }
                },
                1
            )
        });
    }
    return { seed: options.seed, organization, members, eventTypes: sortEventTypes(records) };
}

/** The member whose user has this URI, or undefined. */
export function findMember(organization: Organization, userUri: string): Member | undefined {
    return organization.members.find((member) => member.user.uri === userUri);
}

/** The organization's owner, who holds the stand-in's default token. */
export function owner(organization: Organization): Member {
    const found = organization.members.find((member) => member.membership.role === 'owner');
    if (!found) {
        throw new Error(`The organization ${organization.organization.uri} has no owner.`);
    }
    return found;
}

function requireMember(organization: Organization, userUri: string): Member {
    const member = findMember(organization, userUri);
    if (!member) {
        throw new Error(`No member of ${organization.organization.uri} has the user ${userUri}.`);
    }
    return member;
}

/** A member joins: added last, as a plain user with a profile link. */
export function addMember(organization: Organization, name: string): Organization {
    const random = generator(organization.seed + organization.members.length * 7919);
    const used = new Set(organization.members.map((member) => member.user.slug));
    let slug = slugify(name);
    for (let n = 2; used.has(slug); n++) {
        slug = `${slugify(name)}-${n}`;
    }
    const base = memberFor(
        random,
        organization.organization.uri,
        organization.members[0]?.user.email.split('@')[1] ?? 'example.com',
        'user',
        true,
        new Set()
    );
    const changes = {
        name,
        slug,
        email: `${slug.replace(/-/g, '.')}@${base.user.email.split('@')[1] ?? 'example.com'}`,
        scheduling_url: `${LINK_BASE}/${slug}`,
        created_at: CHANGED_AT,
        updated_at: CHANGED_AT
    };
    const member: Member = {
        user: { ...base.user, ...changes },
        membership: {
            ...base.membership,
            user: { ...base.membership.user, ...changes },
            created_at: CHANGED_AT,
            updated_at: CHANGED_AT
        }
    };
    return { ...organization, members: [...organization.members, member] };
}

/** A member leaves: their membership and their own event types go; they host nothing more. */
export function removeMember(organization: Organization, userUri: string): Organization {
    requireMember(organization, userUri);
    return {
        ...organization,
        members: organization.members.filter((member) => member.user.uri !== userUri),
        eventTypes: organization.eventTypes
            .filter((record) => record.eventType.profile?.owner !== userUri)
            .map((record) => ({
                ...record,
                hosts: record.hosts.filter((host) => host !== userUri)
            }))
    };
}

/**
 * A member changes their slug, so their profile link and the links of their event types change
 * (CALENDLY.md §4 item 13). A member without a profile link keeps none.
 */
export function changeSchedulingUrl(
    organization: Organization,
    userUri: string,
    slug: string
): Organization {
    const member = requireMember(organization, userUri);
    const oldPrefix = `${LINK_BASE}/${member.user.slug}/`;
    const link = member.user.scheduling_url === null ? null : `${LINK_BASE}/${slug}`;
    const changes = { slug, scheduling_url: link, updated_at: CHANGED_AT };
    return {
        ...organization,
        members: organization.members.map((each) =>
            each.user.uri === userUri
                ? {
                      user: { ...each.user, ...changes },
                      membership: {
                          ...each.membership,
                          user: { ...each.membership.user, ...changes }
                      }
                  }
                : each
        ),
        eventTypes: organization.eventTypes.map((record) =>
            record.eventType.profile?.owner === userUri &&
            record.eventType.scheduling_url.startsWith(oldPrefix)
                ? {
                      ...record,
                      eventType: {
                          ...record.eventType,
                          scheduling_url: `${LINK_BASE}/${slug}/${record.eventType.scheduling_url.slice(oldPrefix.length)}`,
                          updated_at: CHANGED_AT
                      }
                  }
                : record
        )
    };
}

/** The records a change applies to: one event type by URI, or every copy of a managed one. */
function matches(record: EventTypeRecord, uriOrTemplate: string): boolean {
    return record.eventType.uri === uriOrTemplate || record.template === uriOrTemplate;
}

function changeEventTypes(
    organization: Organization,
    uriOrTemplate: string,
    change: (eventType: CalendlyEventType) => CalendlyEventType
): Organization {
    if (!organization.eventTypes.some((record) => matches(record, uriOrTemplate))) {
        throw new Error(
            `No event type of ${organization.organization.uri} has the URI or managed slug ${uriOrTemplate}.`
        );
    }
    return {
        ...organization,
        eventTypes: sortEventTypes(
            organization.eventTypes.map((record) =>
                matches(record, uriOrTemplate)
                    ? {
                          ...record,
                          eventType: { ...change(record.eventType), updated_at: CHANGED_AT }
                      }
                    : record
            )
        )
    };
}

/**
 * An event type is renamed: by URI, or every assigned copy of a managed event type by its slug.
 * Its slug and links change only when a new slug is given. The list is sorted by name again.
 */
export function renameEventType(
    organization: Organization,
    uriOrTemplate: string,
    name: string,
    newSlug?: string
): Organization {
    return changeEventTypes(organization, uriOrTemplate, (eventType) => {
        if (newSlug === undefined || eventType.slug === null) {
            return { ...eventType, name };
        }
        const base = eventType.scheduling_url.slice(
            0,
            eventType.scheduling_url.length - eventType.slug.length
        );
        return { ...eventType, name, slug: newSlug, scheduling_url: `${base}${newSlug}` };
    });
}

/** An event type is deactivated: by URI, or every copy of a managed event type by its slug. */
export function deactivateEventType(
    organization: Organization,
    uriOrTemplate: string
): Organization {
    return changeEventTypes(organization, uriOrTemplate, (eventType) => ({
        ...eventType,
        active: false
    }));
}

/** The owner's token when the stand-in is given none: derived from the seed, never secret. */
export function defaultToken(organization: Organization): string {
    return `stand-in-${(organization.seed >>> 0).toString(16).padStart(8, '0')}`;
}
