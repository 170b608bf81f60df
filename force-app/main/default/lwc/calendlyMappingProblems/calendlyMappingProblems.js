import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/calendlyLabels';
import { formatLabel } from 'c/calendlyUtils';

const PROBLEM_LABELS = {
    NoActiveUser: LABELS.ProblemNoActiveUser,
    SeveralActiveUsers: LABELS.ProblemSeveralActiveUsers,
    NotCopied: LABELS.ProblemNotCopied
};

const COLUMNS = [
    {
        label: LABELS.ColumnLink,
        fieldName: 'url',
        type: 'url',
        typeAttributes: { label: { fieldName: 'linkName' }, target: '_blank' }
    },
    { label: LABELS.ColumnEmail, fieldName: 'email', type: 'email' },
    { label: LABELS.ColumnProblem, fieldName: 'problemLabel' },
    { label: LABELS.ColumnUsers, fieldName: 'usersLabel', wrapText: true }
].map((column) => ({ ...column, hideDefaultActions: true }));

/**
 * A link on every active user with its email, several of them: what the flow template does on
 * purpose, so the page shows it as information, not as a problem.
 */
function isShared(row) {
    return row.status === 'SeveralActiveUsers' && row.usersHoldingLink >= row.matchingUsers;
}

/** A link that an active user with its email should hold and does not. */
function isNotOnItsUsers(row) {
    return row.status === 'NotCopied' || (row.status === 'SeveralActiveUsers' && !isShared(row));
}

/**
 * The Mapping to users section: the links to fix among the links checked so far, the button
 * that checks the next page (it fires `loadmore`), and the links on several users, as
 * information.
 */
export default class CalendlyMappingProblems extends LightningElement {
    /** CalendlySyncViews.MappingReport: the pages checked so far, their rows joined. */
    @api report;
    /** Why the report could not be read. */
    @api error;
    /** True while the next page is checked. */
    @api moreLoading = false;
    /** Why the next page could not be checked. */
    @api moreError;

    label = LABELS;
    columns = COLUMNS;

    handleMore() {
        if (!this.moreLoading) {
            this.dispatchEvent(new CustomEvent('loadmore'));
        }
    }

    get isFlowActive() {
        return !!(this.report && this.report.flowActive);
    }

    get reportRows() {
        return (this.report && this.report.rows) || [];
    }

    /** The links to fix: no active user, or an active user with the email lacks the link. */
    get rows() {
        const noFlow = !this.isFlowActive;
        return this.reportRows
            .filter((row) => row.status !== 'Mapped' && !isShared(row))
            .map((row) => ({
                ...row,
                // Without an active flow nothing copies links: that is the cause to name.
                problemLabel:
                    noFlow && isNotOnItsUsers(row)
                        ? LABELS.ProblemNoFlow
                        : PROBLEM_LABELS[row.status] || row.status,
                usersLabel:
                    row.userNames && row.userNames.length > 0
                        ? `${row.matchingUsers}: ${row.userNames.join(', ')}`
                        : String(row.matchingUsers || 0)
            }));
    }

    get hasProblems() {
        return this.rows.length > 0;
    }

    get hasMoreRows() {
        return !!(this.report && this.report.nextCursor);
    }

    /** No profile link at all: nothing has been synced yet. */
    get hasNoLinks() {
        return !!this.report && !this.report.activeProfileLinks && this.reportRows.length === 0;
    }

    /** Problems to count, or links not checked yet: "none to fix" would not be known. */
    get hasSummary() {
        return this.hasProblems || this.hasMoreRows;
    }

    get hasNoProblems() {
        return !!this.report && !this.hasSummary && !this.hasNoLinks;
    }

    /** Counts among the links checked so far: every link, once the last page is checked. */
    get summary() {
        const checked = this.reportRows.length;
        const notOnUsers = this.reportRows.filter(isNotOnItsUsers).length;
        if (!this.isFlowActive && notOnUsers > 0) {
            return formatLabel(LABELS.MappingNoFlow, notOnUsers, checked);
        }
        return formatLabel(LABELS.MappingSummary, this.rows.length, checked);
    }

    get moreText() {
        return formatLabel(
            LABELS.MappingMore,
            this.reportRows.length,
            (this.report && this.report.activeProfileLinks) || 0
        );
    }

    /** Links on every active user with their email, several users each: information. */
    get sharedLinks() {
        return this.reportRows.filter(isShared).map((row) => ({
            key: row.linkId,
            text: formatLabel(
                LABELS.SharedLink,
                row.linkName,
                row.email,
                row.matchingUsers,
                (row.userNames || []).join(', ')
            )
        }));
    }

    get hasSharedLinks() {
        return this.sharedLinks.length > 0;
    }
}
