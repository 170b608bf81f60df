import {
    changeSchedulingUrl,
    generateOrganization,
    removeMember,
    type Member,
    type Organization
} from '../../../calendly';
import type { Project } from '../../cli/project';
import type { FieldValues } from '../../types';
import { SyncOrg } from './org';
import type { SyncReport, UserOutcome } from './types';

/**
 * What `npm start` runs: a small team's first sync, a second sync with nothing changed, and a
 * sync after changes in Calendly (a member leaves, another's link changes), each checked
 * against what the README documents of the sync.
 */

/** The organization `npm start` syncs: 12 members, one of them without a scheduling link. */
export const TOUR_TEAM = { seed: 5, members: 12 } as const;

/** A promise of the README the sync kept, or not. */
export interface TourCheck {
    readonly holds: boolean;
    readonly says: string;
}

export interface TourSync {
    readonly report: SyncReport;
    /** What changed in Calendly before this sync, if anything. */
    readonly change: string | null;
    /** Each user after the sync. */
    readonly users: readonly UserOutcome[];
    readonly checks: readonly TourCheck[];
}

export interface Tour {
    readonly organization: Organization;
    readonly standIn: string;
    readonly syncs: readonly TourSync[];
}

const check = (holds: boolean, says: string): TourCheck => ({ holds, says });

/** The checks every sync must pass: it succeeded, with the fewest Calendly requests. */
function runChecks(report: SyncReport): TourCheck[] {
    const { run } = report;
    return [
        check(
            report.status === 'Succeeded',
            report.status === 'Succeeded'
                ? 'the run Succeeded'
                : `the run ended ${report.status}, not Succeeded: ${run.errorSummary ?? run.statusDetail ?? 'no error summary'}`
        ),
        check(
            report.calendlyRequests === report.minimumRequests,
            `${report.calendlyRequests} Calendly request(s), ${
                report.calendlyRequests === report.minimumRequests
                    ? 'the minimum'
                    : `not the minimum of ${report.minimumRequests}`
            } (1 + ceil(${report.members} members / 100) + ceil(${report.managedEventTypes} managed event types / 100))`
        )
    ];
}

/** Users whose link is not the one they held before, as "name: before -> after". */
function changedUsers(before: readonly UserOutcome[], after: readonly UserOutcome[]): string[] {
    return after.flatMap((user, index) => {
        const previous = before[index];
        return previous && previous.link !== user.link
            ? [`${user.name}: ${previous.link ?? 'none'} -> ${user.link ?? 'none'}`]
            : [];
    });
}

/**
 * Every active user whose email is a member's with a scheduling link holds that link, and every
 * other user (inactive, without a member, or whose member has no link) holds none.
 */
function mappingChecks(organization: Organization, users: readonly UserOutcome[]): TourCheck[] {
    const members = new Map(
        organization.members.map((member) => [member.user.email.toLowerCase(), member])
    );
    const wrong: string[] = [];
    const reached: string[] = [];
    const unreached: string[] = [];
    const stray: string[] = [];
    for (const user of users) {
        const member = members.get(user.email.toLowerCase());
        const expected = user.active ? (member?.user.scheduling_url ?? null) : null;
        if (expected !== null) {
            reached.push(user.name);
            if (user.link !== expected) {
                wrong.push(`${user.name} holds ${user.link ?? 'no link'}, not ${expected}`);
            }
        } else {
            unreached.push(user.name);
            if (user.link !== null) {
                stray.push(`${user.name} holds ${user.link}`);
            }
        }
    }
    return [
        check(
            wrong.length === 0,
            wrong.length === 0
                ? `the ${reached.length} active user(s) whose email is a member's with a link hold that link`
                : `users do not hold their member's link: ${wrong.join('; ')}`
        ),
        check(
            stray.length === 0,
            stray.length === 0
                ? `the users no link reaches hold none: ${unreached.join(', ') || 'nobody'}`
                : `users no link reaches hold one: ${stray.join('; ')}`
        )
    ];
}

/** A member of the team other than the owner, with a link and an active user who holds it. */
function memberWithLink(organization: Organization, skip: readonly Member[]): Member {
    const found = organization.members.find(
        (member, index) =>
            index >= 3 &&
            member.membership.role === 'user' &&
            member.user.scheduling_url !== null &&
            !skip.includes(member)
    );
    if (!found) {
        throw new Error('The team has no member with a scheduling link to change.');
    }
    return found;
}

const profileLinkOf = (org: SyncOrg, member: Member): FieldValues | undefined =>
    org.links().find((link) => link['CalendlyUri__c'] === member.user.uri);

/**
 * Runs the three syncs and checks them. A link Calendly no longer returns is deactivated by the
 * run that misses it, or, when the package counts misses (the run keeps the link and records a
 * first miss on it), by the next complete run: that run is then made too, as the hourly sync
 * would, and reported after the others.
 */
export async function runTour(options: { readonly project?: Project } = {}): Promise<Tour> {
    const organization = generateOrganization(TOUR_TEAM);
    const org = await SyncOrg.open({
        organization,
        ...(options.project ? { project: options.project } : {})
    });
    try {
        const syncs: TourSync[] = [];
        const first = org.sync('first');
        const afterFirst = org.users();
        syncs.push({
            report: first,
            change: null,
            users: afterFirst,
            checks: [...runChecks(first), ...mappingChecks(organization, afterFirst)]
        });

        const unchanged = org.sync('unchanged');
        const afterUnchanged = org.users();
        const moved = changedUsers(afterFirst, afterUnchanged);
        syncs.push({
            report: unchanged,
            change: null,
            users: afterUnchanged,
            checks: [
                ...runChecks(unchanged),
                check(
                    unchanged.linkRowsWritten === 0,
                    `${unchanged.linkRowsWritten} link row(s) written${unchanged.linkRowsWritten === 0 ? '' : ', not none'}`
                ),
                check(
                    unchanged.flowInterviews === 0,
                    `${unchanged.flowInterviews} flow interview(s) started${unchanged.flowInterviews === 0 ? '' : ', not none'}`
                ),
                check(
                    moved.length === 0,
                    moved.length === 0 ? 'no user changed' : `users changed: ${moved.join('; ')}`
                )
            ]
        });

        const leaver = memberWithLink(organization, []);
        const mover = memberWithLink(organization, [leaver]);
        const changed = changeSchedulingUrl(
            removeMember(organization, leaver.user.uri),
            mover.user.uri,
            `${mover.user.slug}-meetings`
        );
        const newUrl =
            changed.members.find((member) => member.user.uri === mover.user.uri)?.user
                .scheduling_url ?? null;
        org.change(changed);
        const userOf = (users: readonly UserOutcome[], member: Member): UserOutcome | undefined =>
            users.find((user) => user.active && user.email === member.user.email);
        const leaverChecks = (users: readonly UserOutcome[]): TourCheck[] => {
            const link = profileLinkOf(org, leaver);
            const field = userOf(users, leaver)?.link;
            return [
                check(
                    link?.['IsActive__c'] === false,
                    `${leaver.user.name}'s profile link is ${link?.['IsActive__c'] === false ? 'deactivated' : 'still active'}`
                ),
                check(
                    field === null,
                    `${leaver.user.name}'s user field is ${field === null ? 'cleared' : `still ${field ?? 'missing'}`}`
                )
            ];
        };

        const afterChanges = org.sync('after changes');
        const afterChangeUsers = org.users();
        const moverLink = userOf(afterChangeUsers, mover)?.link ?? null;
        const leaverLink = profileLinkOf(org, leaver);
        // A package that counts misses keeps the link after one, and says so on the link.
        const missedOnce =
            leaverLink?.['IsActive__c'] === true && Number(leaverLink['MissedRuns__c'] ?? 0) >= 1;
        const leaverField = userOf(afterChangeUsers, leaver)?.link ?? null;
        syncs.push({
            report: afterChanges,
            change: `${leaver.user.name} left the Calendly organization; ${mover.user.name}'s link changed to ${newUrl ?? 'none'}`,
            users: afterChangeUsers,
            checks: [
                ...runChecks(afterChanges),
                check(
                    moverLink === newUrl,
                    `${mover.user.name}'s user holds ${moverLink ?? 'no link'}${moverLink === newUrl ? ', the new link' : `, not the new link ${newUrl ?? ''}`}`
                ),
                ...(missedOnce
                    ? [
                          check(
                              leaverField === leaver.user.scheduling_url,
                              `${leaver.user.name}'s link is missed once and kept, with the user's field, until the next complete run misses it too`
                          )
                      ]
                    : leaverChecks(afterChangeUsers))
            ]
        });
        if (missedOnce) {
            const next = org.sync('after changes, next run');
            syncs.push({
                report: next,
                change: `none since the last run: ${leaver.user.name} is missed a second time`,
                users: org.users(),
                checks: [...runChecks(next), ...leaverChecks(org.users())]
            });
        }
        return { organization, standIn: org.standIn.url, syncs };
    } finally {
        await org.close();
    }
}

/** Whether every check of every sync held. */
export function tourHeld(tour: Tour): boolean {
    return tour.syncs.every((sync) => sync.checks.every((each) => each.holds));
}
