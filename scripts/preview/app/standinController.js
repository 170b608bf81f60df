/**
 * A stand-in for the Apex controller CalendlySyncController, for the preview page only.
 *
 * Each `@salesforce/apex/CalendlySyncController.<method>` import of the component resolves to
 * the export of the same name here. The answers have the shape of the controller's DTOs
 * (CalendlySyncViews) and a run plays like one in an org: queued, then running through the
 * members, the managed events and the deactivation phase, then its outcome. The run moves one
 * step per `getRun` call (the component polls every two seconds while a run is active), so
 * what a test sees depends on how often it polled, never on the clock.
 *
 * What it plays hangs together as in an org: the connection check answers what Calendly would
 * answer now (a run that ends on a revoked token leaves it not connected), and before the first
 * run there is no link at all, so that run expects none and creates every link it reads.
 *
 * The page's query string tells the stand-in what to play:
 * - `outcome=succeeded|partial|failed|revoked`: how the run ends (default succeeded); `failed`
 *   is Calendly not answering (the connection stays), `revoked` the token revoked half-way;
 * - `connection=none`: the credential does not reach Calendly;
 * - `organization=unreadable`: Calendly refuses the organization's name (a token without the
 *   scope organizations:read), the connection itself works;
 * - `flow=none`: no active flow copies links to users;
 * - `hourly=off`: the hourly sync is off;
 * - `runs=none`: a fresh install: no run has happened yet, so there is no link yet either;
 * - `error=<method>`: that method throws like Apex does (an AuraHandledException body);
 * - `active=1`: a run is already running when the page loads (another admin started it).
 *
 * For the browser tests, `window.calendlyStandIn` counts the calls of each method (`calls`)
 * and keeps the last answer of each (`answers`).
 */

const params = new URLSearchParams(window.location.search);
const OUTCOME = params.get('outcome') || 'succeeded';
const FAILING_METHOD = params.get('error');
const RUN_NAME_NUMBER = 42;
const EXPECTED_LINKS = 126;
const ADMIN = 'Grace Hopper';
const ADMIN_EMAIL = 'grace.hopper@example.com';
const ORGANIZATION_ID = 'AAAAAAAAAAAAAAAA';
const ORGANIZATION_URI = `https://api.calendly.com/organizations/${ORGANIZATION_ID}`;
const ORGANIZATION_NAME = 'Acme Sales';
/** What every failed run adds (CalendlySyncRuns.FAILURE_NOTE). */
const FAILURE_NOTE = 'Links written before the failure are kept; no link was deactivated.';
const LATENCY_MS = 150;

const PEOPLE = [
    ['Ada Lovelace', 'ada.lovelace@example.com', 'Mapped', ['Ada Lovelace']],
    ['Alan Turing', 'alan.turing@example.com', 'NoActiveUser', []],
    [
        'Katherine Johnson',
        'katherine.johnson@example.com',
        'SeveralActiveUsers',
        ['Katherine Johnson', 'Katherine Johnson (Support)']
    ],
    ['Edsger Dijkstra', 'edsger.dijkstra@example.com', 'NotCopied', ['Edsger Dijkstra']],
    ['Barbara Liskov', 'barbara.liskov@example.com', 'Mapped', ['Barbara Liskov']],
    ['Donald Knuth', 'donald.knuth@example.com', 'Mapped', ['Donald Knuth']]
];
/** The organization's members: 120 profile links, plus 6 managed-event links make 126. */
const MEMBERS = 120;
/** A member with no active user, on the report's second page. */
const LATE_PROBLEM = ['Margaret Hamilton', 'margaret.hamilton@example.com', 'NoActiveUser', []];
const LATE_PROBLEM_AT = 80;

/**
 * The steps of the run, one per poll: its status, phase and how far it got. The counts are
 * those of the outcome chosen in the query string.
 */
const STEPS = [
    { status: 'Queued', phase: null, linksProcessed: 0 },
    { status: 'Running', phase: 'Members', linksProcessed: 20, pagesRead: 1, membersRead: 20 },
    { status: 'Running', phase: 'Members', linksProcessed: 60, pagesRead: 3, membersRead: 60 },
    {
        status: 'Running',
        phase: 'Members',
        linksProcessed: 100,
        pagesRead: 5,
        membersRead: 100,
        statusDetail: "Waiting 10 seconds for Calendly's rate limit."
    },
    {
        status: 'Running',
        phase: 'ManagedEvents',
        linksProcessed: 120,
        pagesRead: 6,
        membersRead: 120,
        managedEventTypesRead: 6
    },
    {
        status: 'Running',
        phase: 'Deactivation',
        linksProcessed: 126,
        pagesRead: 7,
        membersRead: 120,
        managedEventTypesRead: 6
    }
];

const OUTCOMES = {
    succeeded: {
        status: 'Succeeded',
        linksProcessed: 126,
        linksCreated: 6,
        linksUpdated: 9,
        linksUnchanged: 111,
        linksDeactivated: 2,
        linksSkipped: 0,
        linksFailed: 0,
        errorSummary: null,
        issues: null
    },
    partial: {
        status: 'PartiallySucceeded',
        linksProcessed: 126,
        linksCreated: 5,
        linksUpdated: 9,
        linksUnchanged: 109,
        linksDeactivated: 2,
        linksSkipped: 1,
        linksFailed: 2,
        errorSummary: '2 links could not be saved and 1 was skipped; the others were synced.',
        issues: [
            'https://calendly.com/alan-turing: Url__c: data value too large (max length=255)',
            'https://calendly.com/team/onboarding: CalendlyUri__c: duplicate value found',
            'Skipped the member https://api.calendly.com/users/AAAAAAAAAAAAAAAA: no scheduling link'
        ].join('\n')
    },
    failed: {
        status: 'Failed',
        linksProcessed: 60,
        linksCreated: 2,
        linksUpdated: 3,
        linksUnchanged: 55,
        linksDeactivated: 0,
        linksSkipped: 0,
        linksFailed: 0,
        errorSummary:
            'Calendly did not answer /organization_memberships (HTTP 503), after 4 attempts. ' +
            'The next sync will try again; if this goes on, check https://status.calendly.com. ' +
            FAILURE_NOTE,
        issues: null
    },
    revoked: {
        status: 'Failed',
        linksProcessed: 60,
        linksCreated: 2,
        linksUpdated: 3,
        linksUnchanged: 55,
        linksDeactivated: 0,
        linksSkipped: 0,
        linksFailed: 0,
        errorSummary:
            'Calendly rejected the token: update the Calendly credential (HTTP 401 from ' +
            `/organization_memberships). ${FAILURE_NOTE}`,
        issues: null
    }
};

/** Whether the token reaches Calendly: not with connection=none, nor once a run revoked it. */
let tokenValid = params.get('connection') !== 'none';

/** How the run played here ends: the outcome the query string names, else success. */
const ENDING = OUTCOMES[OUTCOME] || OUTCOMES.succeeded;

/**
 * The ending of the run being played. A first sync finds no link in Salesforce: every link it
 * writes is created, none is updated, unchanged or deactivated.
 */
function ending() {
    if (!firstSync) {
        return ENDING;
    }
    const written = ENDING.linksProcessed - ENDING.linksSkipped - ENDING.linksFailed;
    return {
        ...ENDING,
        linksCreated: written,
        linksUpdated: 0,
        linksUnchanged: 0,
        linksDeactivated: 0
    };
}

/** The run being played, and the index of its step in STEPS (STEPS.length: ended). */
let current = null;
let step = 0;
let runNumber = RUN_NAME_NUMBER;
let hourlyEnabled = params.get('hourly') !== 'off';
const history = params.get('runs') === 'none' ? [] : pastRuns();
/** True while the run being played is the first: Salesforce had no link when it started. */
let firstSync = false;

function iso(date) {
    return date.toISOString();
}

function minutesAgo(minutes) {
    return new Date(Date.now() - minutes * 60 * 1000);
}

function emptyRun(name, origin) {
    return {
        runId: `a02000000000${String(runNumber).padStart(3, '0')}AAA`,
        name,
        origin,
        startedBy: ADMIN,
        queuedAt: iso(new Date()),
        startedAt: null,
        endedAt: null,
        lastProgressAt: null,
        pagesRead: 0,
        membersRead: 0,
        managedEventTypesRead: 0,
        linksProcessed: 0,
        expectedLinks: EXPECTED_LINKS,
        linksCreated: 0,
        linksUpdated: 0,
        linksUnchanged: 0,
        linksDeactivated: 0,
        linksSkipped: 0,
        linksFailed: 0,
        errorSummary: null,
        issues: null,
        phase: null,
        statusDetail: null,
        status: 'Queued',
        isActive: true
    };
}

function pastRuns() {
    return [1, 2, 3].map((hoursAgo, index) => {
        const run = emptyRun(`SYNC-0000${RUN_NAME_NUMBER - 1 - index}`, 'Scheduled');
        const queued = minutesAgo(hoursAgo * 60);
        return {
            ...run,
            ...OUTCOMES.succeeded,
            runId: `a020000000000${RUN_NAME_NUMBER - 1 - index}AAA`,
            linksCreated: index === 2 ? 4 : 0,
            linksUpdated: index,
            linksUnchanged: EXPECTED_LINKS - index - (index === 2 ? 4 : 0),
            linksDeactivated: 0,
            queuedAt: iso(queued),
            startedAt: iso(new Date(queued.getTime() + 2000)),
            endedAt: iso(new Date(queued.getTime() + 95000)),
            isActive: false
        };
    });
}

/** The run as the controller would return it at the current step. */
function snapshot() {
    if (step < STEPS.length) {
        const { statusDetail = null, ...progress } = STEPS[step];
        // Counts grow with the links processed, in the proportions of the final outcome.
        const share = progress.linksProcessed / EXPECTED_LINKS;
        const outcome = ending();
        return {
            ...current,
            ...progress,
            statusDetail,
            startedAt: progress.status === 'Running' ? current.queuedAt : null,
            lastProgressAt: progress.status === 'Running' ? iso(new Date()) : null,
            linksCreated: Math.floor(outcome.linksCreated * share),
            linksUpdated: Math.floor(outcome.linksUpdated * share),
            linksUnchanged: Math.floor(outcome.linksUnchanged * share),
            isActive: true
        };
    }
    return {
        ...current,
        ...ending(),
        startedAt: current.queuedAt,
        endedAt: iso(new Date()),
        phase: null,
        statusDetail: null,
        isActive: false
    };
}

const calls = {};
const answers = {};
window.calendlyStandIn = { calls, answers };

/** Answers like an Apex call: asynchronously, and failing when the query string says so. */
function answer(method, value) {
    calls[method] = (calls[method] || 0) + 1;
    return new Promise((resolve, reject) => {
        setTimeout(() => {
            if (FAILING_METHOD === method) {
                reject({
                    status: 500,
                    body: {
                        message: `The preview was told to fail ${method}: this is how an Apex error shows.`
                    }
                });
            } else {
                answers[method] = value === undefined ? null : value;
                resolve(value === undefined ? null : JSON.parse(JSON.stringify(value)));
            }
        }, LATENCY_MS);
    });
}

function begin(origin) {
    runNumber += 1;
    firstSync = history.length === 0;
    // The active links when the run starts: none before the first run.
    current = {
        ...emptyRun(`SYNC-0000${runNumber}`, origin),
        expectedLinks: firstSync ? 0 : EXPECTED_LINKS
    };
    step = 0;
}

/** The run has ended: it joins the history, and a revoked token stays revoked. */
function end() {
    history.unshift(snapshot());
    if (ENDING === OUTCOMES.revoked) {
        tokenValid = false;
    }
}

if (params.get('active') === '1') {
    begin('Manual');
    step = 2;
}

export function startSync() {
    if (FAILING_METHOD === 'startSync') {
        return answer('startSync');
    }
    // Like the controller's lock: a second start returns the run already active.
    if (!current || step >= STEPS.length) {
        begin('Manual');
    }
    return answer('startSync', snapshot());
}

export function getCurrentRun() {
    return answer('getCurrentRun', current && step < STEPS.length ? snapshot() : null);
}

export function getRun({ runId }) {
    if (!current || current.runId !== runId) {
        return answer('getRun', null);
    }
    if (step < STEPS.length) {
        step += 1;
        if (step === STEPS.length) {
            end();
        }
    }
    return answer('getRun', snapshot());
}

/** Newest first, the active run included (without its issues), as the controller lists them. */
export function getRecentRuns({ maxRuns }) {
    const active = current && step < STEPS.length ? [{ ...snapshot(), issues: null }] : [];
    return answer('getRecentRuns', [...active, ...history].slice(0, maxRuns));
}

/** What CalendlyConnectionCheck answers: GET /users/me, then GET /organizations/{uuid}. */
export function getConnectionStatus() {
    if (!tokenValid) {
        return answer('getConnectionStatus', {
            connected: false,
            userName: null,
            userEmail: null,
            organizationUri: null,
            organizationName: null,
            organizationMessage: null,
            message:
                'Calendly rejected the token: update the Calendly credential (HTTP 401 from /users/me).'
        });
    }
    const nameReadable = params.get('organization') !== 'unreadable';
    return answer('getConnectionStatus', {
        connected: true,
        userName: ADMIN,
        userEmail: ADMIN_EMAIL,
        organizationUri: ORGANIZATION_URI,
        organizationName: nameReadable ? ORGANIZATION_NAME : null,
        organizationMessage: nameReadable
            ? null
            : "The organization's name could not be read: Calendly did not let the token read " +
              `the organization (HTTP 403 from /organizations/${ORGANIZATION_ID}). The token must ` +
              'belong to an owner or admin of the organization, with the scopes the sync reads. ' +
              "The sync reads the organization's members with the same token: it must belong to " +
              'an owner or admin of the organization and have the scope organizations:read.',
        message: `Connected to Calendly as ${ADMIN} (${ADMIN_EMAIL}).`
    });
}

export function getHourlySync() {
    return answer('getHourlySync', hourly());
}

export function setHourlySync({ enabled }) {
    if (FAILING_METHOD !== 'setHourlySync') {
        hourlyEnabled = enabled;
    }
    return answer('setHourlySync', hourly());
}

function hourly() {
    const next = new Date();
    next.setUTCHours(next.getUTCHours() + 1, 0, 0, 0);
    return {
        enabled: hourlyEnabled,
        nextRunAt: hourlyEnabled ? iso(next) : null,
        runsAs: hourlyEnabled ? ADMIN : null
    };
}

/** Every member's profile link: the named people first, the others mapped to one user each. */
function members() {
    return Array.from({ length: MEMBERS }, (unused, index) => {
        if (index < PEOPLE.length) {
            return PEOPLE[index];
        }
        if (index === LATE_PROBLEM_AT) {
            return LATE_PROBLEM;
        }
        const name = `Member ${index + 1}`;
        return [name, `member${index + 1}@example.com`, 'Mapped', [name]];
    });
}

/** A page of the report, ordered by link Id and paged after one, as CalendlyMappingReport. */
export function getMappingReport({ pageSize, afterLinkId }) {
    const flowActive = params.get('flow') !== 'none';
    // Links come from syncs: before the first run ends there is none.
    const links = (history.length > 0 ? members() : []).map(
        ([name, email, status, userNames], index) => ({
            linkId: `a01${String(index + 1).padStart(12, '0')}AAA`,
            linkName: `${name} · Profile`,
            email,
            url: `https://calendly.com/${name.toLowerCase().replace(/ /g, '-')}`,
            status: flowActive || status !== 'Mapped' ? status : 'NotCopied',
            matchingUsers: userNames.length,
            usersHoldingLink: flowActive && status !== 'NotCopied' ? userNames.length : 0,
            userNames
        })
    );
    const start = afterLinkId ? links.findIndex((link) => link.linkId === afterLinkId) + 1 : 0;
    const rows = links.slice(start, start + pageSize);
    return answer('getMappingReport', {
        flowActive,
        activeFlows: flowActive ? ['Map User Calendly Link'] : [],
        activeProfileLinks: links.length,
        nextCursor: start + pageSize < links.length ? rows[rows.length - 1].linkId : null,
        rows
    });
}
