/**
 * Types of the Calendly API v2 stand-in: Calendly's wire shapes as the stand-in serves them, the
 * generated organization behind them, and the stand-in's options, faults and request log.
 *
 * Sources, cited once here and by their tags below:
 * - [S26] Calendly's OpenAPI 3.1 export (https://developer.calendly.com/openapi/calendly-api.yaml),
 *   as summarised in /work/shared/CALENDLY.md §3.
 * - [S23] Calendly's OpenAPI 3.0 YAML of April 2023 (examples and error texts), same summary.
 * - [RL] https://developer.calendly.com/api-docs/overview/rate-limits
 * - [GU] https://developer.calendly.com/api-docs/calendly-api/users/get-user
 * - [LM] https://developer.calendly.com/api-docs/calendly-api/organizations/list-organization-memberships
 * - [LE] https://developer.calendly.com/api-docs/calendly-api/event-types/list-event-types
 */

/** Calendly's `locale` values for users [S26; added in release note 2024/10/17]. */
export type UserLocale = 'en' | 'fr' | 'es' | 'de' | 'pt';

/** A user as GET /users/me and GET /users/{uuid} return it, in `resource` [GU, S26]. */
export interface CalendlyUser {
    readonly uri: string;
    readonly name: string;
    readonly slug: string;
    readonly email: string;
    /**
     * The profile link, `https://calendly.com/{slug}` [S23, S26]. S26 marks it non-null; the
     * stand-in serves null for members generated without a link, so that the package's handling
     * of a missing link is exercised [unconfirmed: never observed from Calendly].
     */
    readonly scheduling_url: string | null;
    readonly timezone: string;
    readonly time_notation: '12h' | '24h';
    /** Nullable [S23, S26]. */
    readonly avatar_url: string | null;
    readonly locale: UserLocale;
    readonly created_at: string;
    readonly updated_at: string;
    readonly current_organization: string;
    /** "for polymorphic associations" [S26]; the value `User` is [unconfirmed]. */
    readonly resource_type: string;
}

/** The user nested in a membership: no time_notation, current_organization or resource_type [S26]. */
export type MembershipUser = Omit<
    CalendlyUser,
    'time_notation' | 'current_organization' | 'resource_type'
>;

export type MembershipRole = 'owner' | 'admin' | 'user';

/** One item of GET /organization_memberships; every key required [S26, LM]. */
export interface CalendlyMembership {
    readonly uri: string;
    readonly role: MembershipRole;
    readonly user: MembershipUser;
    readonly organization: string;
    readonly created_at: string;
    readonly updated_at: string;
}

/** The profile an event type belongs to [S26]; nullable in practice [S23]. */
export interface EventTypeProfile {
    readonly type: 'User' | 'Team';
    readonly name: string;
    /** A user URI, or for a team profile a `/teams/{uuid}` URI [unconfirmed for teams]. */
    readonly owner: string;
}

/** One item of GET /event_types; every key required [S26, LE]. */
export interface CalendlyEventType {
    readonly uri: string;
    readonly name: string | null;
    readonly slug: string | null;
    readonly scheduling_url: string;
    readonly active: boolean;
    /** Hidden from the profile page [S26]. */
    readonly secret: boolean;
    /** A managed event type assigned to the profile's user [release note 2022/11/18]. */
    readonly admin_managed: boolean;
    readonly is_paid: boolean;
    readonly booking_method: 'instant' | 'poll';
    readonly duration: number;
    readonly duration_options: readonly number[] | null;
    readonly kind: 'solo' | 'group';
    /** Null when the event type is not pooled [S26]. */
    readonly pooling_type: 'round_robin' | 'collective' | 'multi_pool' | null;
    readonly type: 'StandardEventType' | 'AdhocEventType';
    readonly color: string;
    readonly created_at: string;
    readonly updated_at: string;
    readonly deleted_at: string | null;
    readonly internal_note: string | null;
    readonly description_plain: string | null;
    readonly description_html: string | null;
    readonly profile: EventTypeProfile | null;
    readonly locale: 'en' | 'fr' | 'es' | 'de' | 'nl' | 'pt' | 'it' | 'uk';
    readonly position: number;
    readonly locations: readonly { readonly kind: string }[] | null;
    readonly custom_questions: readonly unknown[];
}

/** GET /organizations/{uuid} `resource` [S26]. */
export interface CalendlyOrganization {
    readonly uri: string;
    readonly kind: 'single' | 'multiple';
    readonly name: string;
    readonly plan: 'basic' | 'essentials' | 'standard' | 'professional' | 'teams' | 'enterprise';
    readonly stage: 'trial' | 'free' | 'paid';
    readonly created_at: string;
    readonly updated_at: string;
}

/** Every list's `pagination`: all five keys always present [S26 `required`]. */
export interface Pagination {
    readonly count: number;
    readonly next_page: string | null;
    readonly previous_page: string | null;
    readonly next_page_token: string | null;
    readonly previous_page_token: string | null;
}

/** Calendly's error body: `title` and `message` required, `details` optional [S26 §3.7]. */
export interface ErrorBody {
    readonly title: string;
    readonly message: string;
    readonly details?: readonly {
        readonly parameter?: string;
        readonly message: string;
        readonly code?: string;
    }[];
}

/** A member of the generated organization: the membership as served, and the full user. */
export interface Member {
    readonly membership: CalendlyMembership;
    readonly user: CalendlyUser;
}

/**
 * An event type of the generated organization: what is served, and what the stand-in knows
 * about it. A managed event type is one item per assigned member, each with its own URI, its
 * member's profile and link (CALENDLY.md §3.4 model, [inferred, not observed live]); `template`
 * names the managed event type the item is a copy of.
 */
export interface EventTypeRecord {
    readonly eventType: CalendlyEventType;
    /** The managed event type this item was assigned from; null for others. */
    readonly template: string | null;
    /** The user URIs assigned to it: its owner, or a pooled event type's hosts. */
    readonly hosts: readonly string[];
}

/**
 * A whole Calendly organization. Lists keep the order they are served in: memberships as they
 * joined, event types by name (Calendly's default `sort` is `name:asc` [LE]).
 */
export interface Organization {
    /** The seed it was generated from, which also makes its page tokens. */
    readonly seed: number;
    readonly organization: CalendlyOrganization;
    readonly members: readonly Member[];
    readonly eventTypes: readonly EventTypeRecord[];
}

export interface OrganizationOptions {
    readonly seed: number;
    /** How many members, the owner included; at least 1. */
    readonly members: number;
    /** How many managed event types to assign; 3 by default. */
    readonly managedEventTypes?: number;
    /** The share of members without a scheduling link, 0 to 1; 0.05 by default. */
    readonly withoutSchedulingLink?: number;
    /** The share of managed event types that are inactive, 0 to 1; 0.25 by default. */
    readonly inactiveShare?: number;
}

/**
 * A fault the stand-in applies to the next matching requests, until it is used up. `after`
 * lets that many matching requests through first, so that a fault can hit a later page of a
 * walk: `{kind: 'server-error', times: 1, path: '/organization_memberships', after: 1}` fails
 * the second page of members.
 */
export type Fault =
    /** 429 with Remaining 0 and the given Reset, whatever the real window says. */
    | {
          readonly kind: 'rate-limit';
          readonly times: number;
          readonly resetSeconds?: number;
          readonly path?: string;
          readonly after?: number;
      }
    | {
          readonly kind: 'server-error';
          readonly times: number;
          readonly status?: 500 | 502 | 503 | 504;
          readonly path?: string;
          readonly after?: number;
      }
    /** The response is sent only after the delay. */
    | {
          readonly kind: 'slow';
          readonly times: number;
          readonly delayMs: number;
          readonly path?: string;
          readonly after?: number;
      }
    /** A 200 whose body is cut short, so it is not JSON. */
    | {
          readonly kind: 'malformed-json';
          readonly times: number;
          readonly path?: string;
          readonly after?: number;
      }
    /**
     * The stand-in's own token is refused with 401 from now on, as an expired token is; with
     * `after`, once that many more requests were served.
     */
    | { readonly kind: 'expired-token'; readonly after?: number }
    /**
     * Between two page reads of one walk: just before a page that carries a page_token is
     * served, the first item not yet read moves to the front of the list. The walker never sees
     * it and sees the item at the page boundary twice. Applied once.
     */
    | {
          readonly kind: 'page-drift';
          readonly resource: 'organization_memberships' | 'event_types';
      };

/** One request the stand-in served. */
export interface RequestLog {
    readonly method: string;
    readonly path: string;
    readonly query: Readonly<Record<string, string>>;
    readonly status: number;
    /** The size of the response body in bytes (UTF-8), as sent. */
    readonly bytes: number;
    /** The fault that shaped the response, if any. */
    readonly fault?: Fault['kind'];
}

/** The rate limit per user and window [RL]: paid plans 500 a minute, free plans 50. */
export interface RateLimit {
    readonly limit: number;
    readonly windowSeconds: number;
}

export interface StandInOptions {
    /** The organization served; a 25-member organization from seed 1 by default. */
    readonly organization?: Organization;
    /** 0 (any free port) by default. */
    readonly port?: number;
    /** The owner's token; made from the organization's seed by default. */
    readonly token?: string;
    /** Further tokens and the user URI each belongs to, such as a plain user's. */
    readonly tokens?: Readonly<Record<string, string>>;
    readonly rateLimit?: RateLimit;
    readonly faults?: readonly Fault[];
}

/** A request as the stand-in's core sees it. */
export interface ApiRequest {
    readonly method: string;
    /** The path and query, as on the request line. */
    readonly url: string;
    readonly authorization: string | undefined;
}

/** A response as the stand-in's core decides it; the thread sends it, after delayMs if set. */
export interface ApiResponse {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
    readonly delayMs?: number;
}
