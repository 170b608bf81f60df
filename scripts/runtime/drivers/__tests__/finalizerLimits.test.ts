import { loadProject, openApexOrg, type OpenedApexOrg } from '../../cli/project';
import { executeAnonymous } from '../anonymous';
import { ClassProjects } from './apexHelpers';

/**
 * Finalizers after a failed Queueable (DG "Transaction Finalizers"): a Queueable that breaks a
 * governor limit fails with System.LimitException, which no catch stops, and its finalizer gets
 * that exception (RG "FinalizerContext Interface": getException "Returns the exception with
 * which the Queueable job failed when getResult is UNHANDLED_EXCEPTION"), so that it can tell a
 * limit from another failure and run the work again in smaller parts; it may queue one job, and
 * failed jobs may be queued again so five times in a row.
 */

const projects = new ClassProjects('finalizer-limits');
afterAll(() => {
    projects.removeAll();
});

/** A fresh org with a project of the given classes, its debug values in `lines`. */
function open(classes: Readonly<Record<string, string>>, lines: string[]): OpenedApexOrg {
    const root = projects.create(classes);
    return openApexOrg(loadProject(root, { setup: true }), {
        state: 'fresh',
        flows: [],
        log: (line) => lines.push(line.replace(/^USER_DEBUG\|\[\d+\]\|DEBUG\|/, ''))
    });
}

/** A Queueable that runs one query too many for asynchronous Apex (200), then its finalizer. */
const GREEDY = (finalizerBody: string): string =>
    [
        'public class Greedy implements Queueable {',
        '    private final Integer attempt;',
        '    public Greedy(Integer attempt) { this.attempt = attempt; }',
        '    public void execute(QueueableContext context) {',
        '        System.attachFinalizer(new Report(attempt));',
        '        for (Integer i = 0; i < 201; i++) {',
        '            Integer users = [SELECT COUNT() FROM User];',
        '        }',
        '    }',
        '    public class Report implements Finalizer {',
        '        private final Integer attempt;',
        '        public Report(Integer attempt) { this.attempt = attempt; }',
        '        public void execute(FinalizerContext context) {',
        finalizerBody,
        '        }',
        '    }',
        '}'
    ].join('\n');

function runGreedy(
    finalizerBody: string,
    lines: string[]
): ReturnType<OpenedApexOrg['org']['jobs']['runQueue']> {
    const { org, setup } = open({ Greedy: GREEDY(finalizerBody) }, lines);
    org.asUser(setup.adminId, () =>
        executeAnonymous(org, 'System.enqueueJob(new Greedy(1));', 'enqueue.apex')
    );
    return org.asUser(setup.adminId, () => org.jobs.runQueue());
}

describe('a finalizer after a governor limit', () => {
    it('gets the System.LimitException its Queueable died of', () => {
        const lines: string[] = [];
        const outcomes = runGreedy(
            [
                'Exception error = context.getException();',
                'System.debug(context.getResult());',
                'System.debug(error instanceof LimitException);',
                "System.debug(error.getTypeName() + ': ' + error.getMessage());"
            ].join('\n'),
            lines
        );

        expect(outcomes.map((outcome) => outcome.failure?.message)).toEqual([
            expect.stringMatching(/Too many SOQL queries: 201$/)
        ]);
        expect(lines).toEqual([
            'UNHANDLED_EXCEPTION',
            'true',
            'System.LimitException: Too many SOQL queries: 201'
        ]);
    });

    it('may queue one job', () => {
        const lines: string[] = [];
        const outcomes = runGreedy(
            'System.enqueueJob(new Greedy(9));\nSystem.enqueueJob(new Greedy(9));',
            lines
        );

        expect(outcomes.map((outcome) => outcome.failure?.message)).toEqual([
            expect.stringMatching(
                /^(System\.LimitException: )?Too many queueable jobs added to the queue: 2$/
            )
        ]);
    });

    it('may queue the failed job again five times in a row, and a sixth is refused', () => {
        const lines: string[] = [];
        expect(() =>
            runGreedy(
                "System.debug('attempt ' + attempt);\nSystem.enqueueJob(new Greedy(attempt + 1));",
                lines
            )
        ).toThrow(
            'Greedy.cls:15: a finalizer queueing a job after 6 failed jobs in a row (the platform allows 5 re-enqueues; what it does with another is not documented) is not supported by the embedded org'
        );
        expect(lines).toEqual([1, 2, 3, 4, 5, 6].map((attempt) => `attempt ${attempt}`));
    });
});
