import {
    addMember,
    changeSchedulingUrl,
    generateOrganization,
    removeMember,
    type Fault,
    type Member,
    type Organization
} from '../calendly';
import { apexString, ControllerOrg } from './controllerOrg';

const HOUR = 3_600_000;

/**
 * The situations the preview page and the components' recorded answers are taken from. Each
 * is an embedded org with the package and the admin, users and past runs it would have, and a
 * Calendly stand-in serving an organization, with the faults that make it what it is: an
 * expired token, Calendly not answering, a member whose link Salesforce refuses. Nothing here
 * answers for the controller: the real one answers, from that data.
 */

export type ScenarioName =
    | 'connected'
    | 'not-connected'
    | 'no-active-flow'
    | 'failed-run'
    | 'token-revoked'
    | 'partial-run'
    | 'running'
    | 'organization-unreadable'
    | 'fresh-install';

export interface Scenario {
    readonly name: ScenarioName;
    /** What the page shows, for the preview's list of addresses and the README. */
    readonly description: string;
    readonly open: () => Promise<ControllerOrg>;
}

/** The admin the page runs as, and another one who starts a run elsewhere. */
const ADMIN: readonly [string, string] = ['Grace', 'Hopper'];
const OTHER_ADMIN: readonly [string, string] = ['Ada', 'Lovelace'];
const MEMBERS = 120;

/**
 * The members' positions that make the mapping report's cases (the owner is member 0):
 * profile links are checked in the order they were first synced, 50 a page.
 */
const NO_USER = [1, 70];
const TWO_USERS = 2;
const SECOND_USER_LATER = 3;
const USER_LATER = 4;
/** After the first sync: a member joins, one changes their link, one leaves. */
const CHANGED_LINK = 10;
const LEAVER = 11;
/** For a partial run: Calendly now gives one member an email Salesforce refuses, one no link. */
const BAD_EMAIL = 12;
const NO_LINK = 13;

/** The Calendly organization every scenario starts from. */
export function previewOrganization(): Organization {
    return generateOrganization({
        seed: 7,
        members: MEMBERS,
        managedEventTypes: 1,
        withoutSchedulingLink: 0
    });
}

function member(organization: Organization, index: number): Member {
    const found = organization.members[index];
    if (found === undefined) {
        throw new Error(`The preview's organization has no member ${index}.`);
    }
    return found;
}

/** A standard user, active, with a member's email; `suffix` tells a second one apart. */
function userFor(one: Member, index: number, suffix = ''): string {
    const [first = '', ...rest] = one.user.name.split(' ');
    const last = `${rest.join(' ')}${suffix ? ` (${suffix})` : ''}`;
    const alias = `u${index}${suffix ? 'b' : ''}`;
    return `new User(FirstName = ${apexString(first)}, LastName = ${apexString(last)}, Email = ${apexString(one.user.email)}, Username = ${apexString(`${alias}@preview.example`)}, ProfileId = standard, Alias = ${apexString(alias)}, TimeZoneSidKey = 'America/Los_Angeles', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US')`;
}

function insertUsers(org: ControllerOrg, users: readonly string[]): void {
    if (users.length === 0) {
        return;
    }
    org.apex(
        `Id standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id;\ninsert new List<User>{ ${users.join(', ')} };`
    );
}

/** The users the org has before any sync: one per member, but for the report's cases. */
function usersBeforeSync(org: ControllerOrg, organization: Organization): void {
    const users = organization.members.flatMap((one, index) => {
        if (NO_USER.includes(index) || index === USER_LATER) {
            return [];
        }
        const own = userFor(one, index);
        return index === TWO_USERS ? [own, userFor(one, index, 'Support')] : [own];
    });
    insertUsers(org, users);
}

/** The users the report's cases leave out, so that every profile link maps to its users. */
export function usersForEveryMember(org: ControllerOrg): void {
    const organization = previewOrganization();
    insertUsers(
        org,
        [...NO_USER, USER_LATER].map((index) => userFor(member(organization, index), index))
    );
}

/** The users created after the links were synced: no flow gave them their link. */
function usersAfterSync(org: ControllerOrg, organization: Organization): void {
    insertUsers(org, [
        userFor(member(organization, SECOND_USER_LATER), SECOND_USER_LATER, 'Integration'),
        userFor(member(organization, USER_LATER), USER_LATER)
    ]);
}

/** Succeeds or throws with the controller's message: a scenario's setup must not fail. */
function expectOk(org: ControllerOrg, method: string, args?: Record<string, unknown>): unknown {
    const answer = org.call(method, args);
    if (!answer.ok) {
        throw new Error(
            `${method} failed while the scenario was set up: ${answer.error.body.message}`
        );
    }
    return answer.value;
}

/** The hourly sync switched on by the admin, and run once: the links every page starts with. */
function firstHourlySync(org: ControllerOrg): void {
    expectOk(org, 'setHourlySync', { enabled: true });
    org.fireHourlySync();
    org.runJobs();
}

/** What changed in Calendly since: a member joined, one changed their link, one left. */
function changesSinceLastSync(organization: Organization): Organization {
    const changed = changeSchedulingUrl(
        organization,
        member(organization, CHANGED_LINK).user.uri,
        `${member(organization, CHANGED_LINK).user.slug}-meetings`
    );
    return addMember(
        removeMember(changed, member(organization, LEAVER).user.uri),
        'Katherine Johnson'
    );
}

/** Calendly now gives one member an email Salesforce refuses, and another no scheduling link. */
function unusableData(organization: Organization): Organization {
    const bad = member(organization, BAD_EMAIL).user.uri;
    const unlinked = member(organization, NO_LINK).user.uri;
    return {
        ...organization,
        members: organization.members.map((one) => {
            if (one.user.uri === bad) {
                const email = one.user.email.replace('@', ' at ');
                return {
                    membership: { ...one.membership, user: { ...one.membership.user, email } },
                    user: { ...one.user, email }
                };
            }
            if (one.user.uri === unlinked) {
                return {
                    membership: {
                        ...one.membership,
                        user: { ...one.membership.user, scheduling_url: null }
                    },
                    user: { ...one.user, scheduling_url: null }
                };
            }
            return one;
        })
    };
}

interface Setup {
    readonly activeFlow?: boolean;
    /** Whether a first (hourly) sync has run, and the users added after it. */
    readonly synced?: boolean;
    /** How Calendly's organization changed after that sync. */
    readonly changes?: (organization: Organization) => Organization;
    /** The stand-in's faults from the page's first call on. */
    readonly faults?: (organization: Organization) => readonly Fault[];
    /** The stand-in's faults once the page's sync takes its first step. */
    readonly faultsAtFirstStep?: readonly Fault[];
    /** What happens after that, before the page opens. */
    readonly then?: (org: ControllerOrg) => void;
}

async function openWith(setup: Setup): Promise<ControllerOrg> {
    const start = previewOrganization();
    const org = await ControllerOrg.open({
        organization: start,
        activeFlow: setup.activeFlow ?? true,
        adminName: ADMIN
    });
    try {
        usersBeforeSync(org, start);
        let organization = start;
        if (setup.synced ?? true) {
            firstHourlySync(org);
            usersAfterSync(org, start);
            // An hour passes before the page opens, as between two hourly runs: a run counts
            // the links written in the second it started as its own.
            org.passTime(HOUR);
            organization = (setup.changes ?? changesSinceLastSync)(start);
            org.standIn.setOrganization(organization);
        }
        org.standIn.setFaults(setup.faults?.(organization) ?? []);
        if (setup.faultsAtFirstStep) {
            org.faultsAtNextJob(setup.faultsAtFirstStep);
        }
        setup.then?.(org);
    } catch (error) {
        await org.close();
        throw error;
    }
    return org;
}

/** Calendly asks to wait for its rate limit once, when the run reads the managed event types. */
const RATE_LIMIT_ONCE: readonly Fault[] = [
    { kind: 'rate-limit', times: 1, resetSeconds: 30, path: '/event_types' }
];

/** Another admin started a sync; its first step read the members, then Calendly asked to wait. */
function runStartedElsewhere(org: ControllerOrg): void {
    const [first, last] = OTHER_ADMIN;
    const [otherId = ''] = org.apex(
        [
            "Id admin = [SELECT Id FROM Profile WHERE Name = 'System Administrator'].Id;",
            `User other = new User(FirstName = ${apexString(first)}, LastName = ${apexString(last)}, Email = 'ada.lovelace@preview.example', Username = 'ada.lovelace@preview.example', ProfileId = admin, Alias = 'ada', TimeZoneSidKey = 'America/Los_Angeles', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');`,
            'insert other;',
            "insert new PermissionSetAssignment(AssigneeId = other.Id, PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Calendly_Links_Admin'].Id);",
            'System.debug(other.Id);'
        ].join('\n')
    );
    org.apex('CalendlySyncController.startSync();', otherId);
    org.runNextJob();
}

export const SCENARIOS: readonly Scenario[] = [
    {
        name: 'connected',
        description:
            'connected and idle after an hourly sync; Sync runs the real sync, which waits once for the rate limit',
        open: () => openWith({ faults: () => RATE_LIMIT_ONCE })
    },
    {
        name: 'not-connected',
        description: 'a fresh install whose token Calendly refuses (expired): the steps to connect',
        open: () => openWith({ synced: false, faults: () => [{ kind: 'expired-token' }] })
    },
    {
        name: 'no-active-flow',
        description: 'no active copy of the flow template: links synced, none copied to users',
        open: () => openWith({ activeFlow: false })
    },
    {
        name: 'failed-run',
        description:
            'Sync fails: Calendly answers 503 to every try to read the members; the connection still works',
        open: () =>
            openWith({
                // From the sync's first step on: the connection check reads the members too.
                faultsAtFirstStep: [
                    {
                        kind: 'server-error',
                        times: 4,
                        status: 503,
                        path: '/organization_memberships'
                    }
                ]
            })
    },
    {
        name: 'token-revoked',
        description:
            'the token expires as Sync starts: the run fails and the page then says Not connected',
        open: () => openWith({ faultsAtFirstStep: [{ kind: 'expired-token' }] })
    },
    {
        name: 'partial-run',
        description:
            'Calendly gives one member an email Salesforce refuses and one no link: Sync lists both as skipped',
        open: () =>
            openWith({
                changes: (organization) => unusableData(changesSinceLastSync(organization))
            })
    },
    {
        name: 'running',
        description:
            'another admin started a sync, which waits for the rate limit: a reload during a run',
        open: () => openWith({ faults: () => RATE_LIMIT_ONCE, then: runStartedElsewhere })
    },
    {
        name: 'organization-unreadable',
        description: "connected, but Calendly does not answer for the organization's name",
        open: () =>
            openWith({
                faults: (organization) => [
                    {
                        kind: 'server-error',
                        times: 1000,
                        status: 503,
                        path: new URL(organization.organization.uri).pathname
                    }
                ]
            })
    },
    {
        name: 'fresh-install',
        description:
            'a fresh install, connected: no run and no link yet; the first sync creates them',
        open: () => openWith({ synced: false })
    }
];

export const DEFAULT_SCENARIO: ScenarioName = 'connected';

export function findScenario(name: string): Scenario | undefined {
    return SCENARIOS.find((scenario) => scenario.name === name);
}
