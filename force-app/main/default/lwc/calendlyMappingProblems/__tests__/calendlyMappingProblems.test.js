import CalendlyMappingProblems from 'c/calendlyMappingProblems';
import {
    alertOf,
    ANSWERS,
    byDataId,
    removeAll,
    render,
    text
} from '../../calendlyIntegration/__tests__/testing';

const { REPORT_FLOW_ACTIVE, REPORT_ALL_MAPPED, REPORT_NO_FLOW, REPORT_NO_LINKS } = ANSWERS;

// The labels whose numbers the tests read, with their text (scripts/metadata/labels.ts); every
// other label reads as its name, such as c.Calendly_MappingNone.
jest.mock(
    '@salesforce/label/c.Calendly_MappingSummary',
    () => ({ default: '{0} of {1} active profile links need attention.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_MappingNoFlow',
    () => ({
        default:
            'No active flow copies links to users yet, so {0} of {1} active profile links are not on their users.'
    }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_MappingMore',
    () => ({ default: 'Only the first {0} of {1} active profile links are checked so far.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_SharedLink',
    () => ({ default: '{0} ({1}) is on {2} active users: {3}' }),
    { virtual: true }
);

const PROBLEM = {
    NoActiveUser: 'c.Calendly_ProblemNoActiveUser',
    SeveralActiveUsers: 'c.Calendly_ProblemSeveralActiveUsers',
    NotCopied: 'c.Calendly_ProblemNotCopied'
};

/** A link on every active user with its email: information, not a problem. */
const isShared = (row) =>
    row.status === 'SeveralActiveUsers' && row.usersHoldingLink >= row.matchingUsers;
const problemsOf = (report) =>
    report.rows.filter((row) => row.status !== 'Mapped' && !isShared(row));

const renderProblems = (props) =>
    render('c-calendly-mapping-problems', CalendlyMappingProblems, props);
const $ = byDataId;

describe('c-calendly-mapping-problems', () => {
    afterEach(removeAll);

    it('lists the mapping problems, not the mapped links, and counts them among the links checked', async () => {
        const element = await renderProblems({ report: REPORT_FLOW_ACTIVE });

        const problems = problemsOf(REPORT_FLOW_ACTIVE);
        // The scenario holds each kind of problem.
        expect(problems.map((row) => row.status).sort()).toEqual(
            ['NoActiveUser', 'NotCopied', 'SeveralActiveUsers'].sort()
        );
        const table = $(element, 'mapping-table');
        expect(table.ariaLabel).toBe('c.Calendly_MappingTitle');
        expect(table.data.map((row) => [row.email, row.problemLabel])).toEqual(
            problems.map((row) => [row.email, PROBLEM[row.status]])
        );
        const several = table.data.find((row) => row.status === 'SeveralActiveUsers');
        expect(several.usersLabel).toBe(
            `${several.matchingUsers}: ${several.userNames.join(', ')}`
        );
        const noUser = table.data.find((row) => row.status === 'NoActiveUser');
        expect(noUser.usersLabel).toBe('0');
        expect(text($(element, 'mapping-summary'))).toBe(
            `${problems.length} of ${REPORT_FLOW_ACTIVE.rows.length} active profile links need attention.`
        );
        await expect(element).toBeAccessible();
    });

    it('shows a link on every user with its email as information, not as a problem', async () => {
        const element = await renderProblems({ report: REPORT_FLOW_ACTIVE });

        const shared = REPORT_FLOW_ACTIVE.rows.filter(isShared);
        expect(shared).toHaveLength(1);
        const emails = $(element, 'mapping-table').data.map((row) => row.email);
        expect(emails).not.toContain(shared[0].email);
        const box = $(element, 'mapping-shared');
        expect(box.querySelector('[role="alert"]')).toBeNull();
        expect(box.querySelector('c-calendly-alert')).toBeNull();
        expect(text($(element, 'mapping-shared-text'))).toBe('c.Calendly_SharedText');
        const links = $(element, 'mapping-shared-links').querySelectorAll('li');
        expect([...links].map(text)).toEqual(
            shared.map(
                (row) =>
                    `${row.linkName} (${row.email}) is on ${row.matchingUsers} active users: ${row.userNames.join(', ')}`
            )
        );
        await expect(element).toBeAccessible();
    });

    it('before the last page, says how many links are checked and asks for the next ones', async () => {
        const element = await renderProblems({ report: REPORT_FLOW_ACTIVE });
        const handler = jest.fn();
        element.addEventListener('loadmore', handler);

        expect(REPORT_FLOW_ACTIVE.nextCursor).not.toBeNull();
        expect(text($(element, 'mapping-more'))).toBe(
            `Only the first ${REPORT_FLOW_ACTIVE.rows.length} of ${REPORT_FLOW_ACTIVE.activeProfileLinks} active profile links are checked so far.`
        );
        const button = $(element, 'mapping-more-button');
        expect(button.label).toBe('c.Calendly_MappingCheckMore');
        button.click();
        expect(handler).toHaveBeenCalledTimes(1);
    });

    it('while the next links are checked, disables the button and asks nothing more', async () => {
        const element = await renderProblems({ report: REPORT_FLOW_ACTIVE, moreLoading: true });
        const handler = jest.fn();
        element.addEventListener('loadmore', handler);

        const button = $(element, 'mapping-more-button');
        expect(button.disabled).toBe(true);
        button.click();
        expect(handler).not.toHaveBeenCalled();
    });

    it('shows an error checking the next links beside the button, keeping the rest', async () => {
        const element = await renderProblems({
            report: REPORT_FLOW_ACTIVE,
            moreError: 'The mapping report could not be built.'
        });

        expect(text(alertOf(element, 'mapping-more-error'))).toContain('could not be built');
        expect($(element, 'mapping-error')).toBeNull();
        expect($(element, 'mapping-table').data).toHaveLength(
            problemsOf(REPORT_FLOW_ACTIVE).length
        );
        expect($(element, 'mapping-more-button').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('with none to fix on the first page of several, does not say every link is fine', async () => {
        const mapped = REPORT_FLOW_ACTIVE.rows.filter((row) => row.status === 'Mapped');
        const element = await renderProblems({ report: { ...REPORT_FLOW_ACTIVE, rows: mapped } });

        expect($(element, 'mapping-none')).toBeNull();
        expect($(element, 'mapping-table')).toBeNull();
        expect(text($(element, 'mapping-summary'))).toBe(
            `0 of ${mapped.length} active profile links need attention.`
        );
        expect($(element, 'mapping-more-button')).not.toBeNull();
    });

    it('says so when every link maps to its users', async () => {
        const element = await renderProblems({ report: REPORT_ALL_MAPPED });

        expect(REPORT_ALL_MAPPED.nextCursor).toBeNull();
        expect($(element, 'mapping-table')).toBeNull();
        expect($(element, 'mapping-summary')).toBeNull();
        expect(text($(element, 'mapping-none'))).toBe('c.Calendly_MappingNone');
        await expect(element).toBeAccessible();
    });

    it('without links on several users, shows no such information', async () => {
        const element = await renderProblems({
            report: {
                ...REPORT_ALL_MAPPED,
                rows: REPORT_ALL_MAPPED.rows.filter((row) => !isShared(row))
            }
        });

        expect($(element, 'mapping-shared')).toBeNull();
    });

    it('before the first sync, says there are no links yet rather than none to fix', async () => {
        const element = await renderProblems({ report: REPORT_NO_LINKS });

        expect(text($(element, 'mapping-no-links'))).toBe('c.Calendly_MappingNoLinks');
        expect($(element, 'mapping-none')).toBeNull();
        expect($(element, 'mapping-summary')).toBeNull();
        expect($(element, 'mapping-table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('without an active flow, names it as the cause rather than counting problems', async () => {
        const element = await renderProblems({ report: REPORT_NO_FLOW });

        const notOnUsers = REPORT_NO_FLOW.rows.filter(
            (row) =>
                row.status === 'NotCopied' ||
                (row.status === 'SeveralActiveUsers' && !isShared(row))
        );
        expect(notOnUsers.length).toBeGreaterThan(0);
        expect(text($(element, 'mapping-summary'))).toBe(
            `No active flow copies links to users yet, so ${notOnUsers.length} of ${REPORT_NO_FLOW.rows.length} active profile links are not on their users.`
        );
        const rows = $(element, 'mapping-table').data;
        expect(rows.map((row) => [row.email, row.problemLabel])).toEqual(
            problemsOf(REPORT_NO_FLOW).map((row) => [
                row.email,
                row.status === 'NoActiveUser' ? PROBLEM.NoActiveUser : 'c.Calendly_ProblemNoFlow'
            ])
        );
        expect(rows.some((row) => row.problemLabel === PROBLEM.NoActiveUser)).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows the error when the report cannot be read', async () => {
        const element = await renderProblems({
            error: 'The mapping report could not be built: query timeout.'
        });

        expect(text(alertOf(element, 'mapping-error'))).toContain('query timeout.');
        await expect(element).toBeAccessible();
    });
});
