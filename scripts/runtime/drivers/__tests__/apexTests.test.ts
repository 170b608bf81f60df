import { loadProject, openApexOrg, type OpenedApexOrg } from '../../cli/project';
import { executeAnonymous } from '../anonymous';
import { findTests, runTests, type TestMethodResult } from '../apexTests';
import { ClassProjects } from './apexHelpers';

/**
 * The Apex test runner on small projects of its own: what one class cannot load does not stop
 * the others, the org's setup records hold only what the org fills, and a schedule run at
 * Test.stopTest() leaves its trigger as it was.
 */

const projects = new ClassProjects('apex-tests');
afterAll(() => {
    projects.removeAll();
});

/** A fresh org with a project of the given classes (name → source). */
function open(
    classes: Readonly<Record<string, string>>,
    log: (line: string) => void = () => undefined
): OpenedApexOrg {
    const root = projects.create(classes);
    const project = loadProject(root, { setup: true });
    return openApexOrg(project, { state: 'fresh', flows: [], log });
}

/** Runs every test of a project of the given classes in a fresh org. */
function run(classes: Readonly<Record<string, string>>): Map<string, TestMethodResult> {
    const { org, setup } = open(classes);
    const results = runTests(org, setup, findTests(org, []));
    return new Map(results.map((result) => [`${result.className}.${result.methodName}`, result]));
}

describe('the Apex test runner', () => {
    it('runs the other classes when one declares what the org does not support', () => {
        const results = run({
            Batchy: [
                'public class Batchy implements Database.Batchable<SObject> {',
                '    public static Integer size() { return 1; }',
                '}'
            ].join('\n'),
            Batchy_Tests: [
                '@IsTest',
                'private class Batchy_Tests {',
                '    @IsTest',
                '    static void it_uses_the_batch() { Assert.areEqual(1, Batchy.size()); }',
                '}'
            ].join('\n'),
            Plain_Tests: [
                '@IsTest',
                'private class Plain_Tests {',
                '    @IsTest',
                "    static void it_adds() { Assert.areEqual(2, 1 + 1, 'sum'); }",
                '}'
            ].join('\n')
        });
        expect(results.get('Plain_Tests.it_adds')?.outcome).toBe('pass');
        expect(results.get('Batchy_Tests.it_uses_the_batch')).toMatchObject({
            outcome: 'error',
            message: expect.stringMatching(
                /Batchy\.cls:1: the generic type Database\.Batchable<SObject> is not supported by the embedded org$/
            ) as string
        });
    });

    it('reads a class body from ApexClass and refuses a field the org does not fill', () => {
        const results = run({
            Setup_Tests: [
                '@IsTest',
                'private class Setup_Tests {',
                '    @IsTest',
                '    static void it_reads_the_body() {',
                "        ApexClass cls = [SELECT Body FROM ApexClass WHERE Name = 'Setup_Tests'];",
                "        Assert.isTrue(cls.Body.startsWith('@IsTest'), cls.Body);",
                '    }',
                '    @IsTest',
                '    static void it_reads_the_length() {',
                '        ApexClass cls = [SELECT LengthWithoutComments FROM ApexClass LIMIT 1];',
                '    }',
                '}'
            ].join('\n')
        });
        expect(results.get('Setup_Tests.it_reads_the_body')?.outcome).toBe('pass');
        expect(results.get('Setup_Tests.it_reads_the_length')).toMatchObject({
            outcome: 'error',
            message: expect.stringMatching(/Setup_Tests\.cls:10: .*LengthWithoutComments/) as string
        });
    });

    it('runs a schedule at Test.stopTest and leaves its trigger unfired', () => {
        const results = run({
            Hourly: [
                'public class Hourly implements Schedulable {',
                '    public static Integer runs = 0;',
                '    public void execute(SchedulableContext context) { runs++; }',
                '}'
            ].join('\n'),
            Hourly_Tests: [
                '@IsTest',
                'private class Hourly_Tests {',
                '    @IsTest',
                '    static void it_runs_once() {',
                '        Test.startTest();',
                "        Id jobId = System.schedule('hourly', '0 0 * * * ?', new Hourly());",
                '        Test.stopTest();',
                "        Assert.areEqual(1, Hourly.runs, 'ran at stopTest');",
                '        CronTrigger trigger = [SELECT TimesTriggered FROM CronTrigger WHERE Id = :jobId];',
                "        Assert.areEqual(0, trigger.TimesTriggered, 'not counted');",
                '    }',
                '}'
            ].join('\n')
        });
        expect(results.get('Hourly_Tests.it_runs_once')).toMatchObject({
            outcome: 'pass',
            message: null
        });
    });

    it('refuses a callout from a Queueable that does not allow callouts', () => {
        const results = run({
            Caller: [
                'public class Caller implements Queueable {',
                '    public void execute(QueueableContext context) {',
                '        HttpRequest request = new HttpRequest();',
                "        request.setEndpoint('callout:Somewhere/x');",
                '        new Http().send(request);',
                '    }',
                '}'
            ].join('\n'),
            Answer: [
                '@IsTest',
                'public class Answer implements HttpCalloutMock {',
                '    public HttpResponse respond(HttpRequest request) { return new HttpResponse(); }',
                '}'
            ].join('\n'),
            Caller_Tests: [
                '@IsTest',
                'private class Caller_Tests {',
                '    @IsTest',
                '    static void it_calls_out() {',
                '        Test.startTest();',
                '        Test.setMock(HttpCalloutMock.class, new Answer());',
                '        System.enqueueJob(new Caller());',
                '        Test.stopTest();',
                '    }',
                '}'
            ].join('\n')
        });
        expect(results.get('Caller_Tests.it_calls_out')).toMatchObject({
            outcome: 'error',
            message: expect.stringMatching(
                /Caller\.cls:5: a callout from the Queueable Caller, which does not implement Database\.AllowsCallouts is not supported/
            ) as string
        });
    });

    it('runs the queue to its end outside a test, each job in its own transaction', () => {
        const lines: string[] = [];
        const { org, setup } = open(
            {
                Chain: [
                    'public class Chain implements Queueable {',
                    '    public static Integer seen = 0;',
                    '    private final Integer step;',
                    '    public Chain(Integer step) { this.step = step; }',
                    '    public void execute(QueueableContext context) {',
                    '        seen++;',
                    "        System.debug('step ' + step + ', statics seen ' + seen);",
                    '        if (step < 3) { System.enqueueJob(new Chain(step + 1)); }',
                    '    }',
                    '}'
                ].join('\n')
            },
            (line) => lines.push(line)
        );
        const enqueue = org.asUser(setup.adminId, () =>
            executeAnonymous(org, 'System.enqueueJob(new Chain(1));', 'enqueue.apex')
        );
        expect(enqueue).toEqual({ kind: 'completed' });
        expect(lines).toEqual([]);
        const outcomes = org.asUser(setup.adminId, () => org.jobs.runQueue());
        expect(outcomes.map((outcome) => outcome.failure)).toEqual([
            undefined,
            undefined,
            undefined
        ]);
        expect(lines.map((line) => line.replace(/^USER_DEBUG\|\[\d+\]\|DEBUG\|/, ''))).toEqual([
            'step 1, statics seen 1',
            'step 2, statics seen 1',
            'step 3, statics seen 1'
        ]);
        lines.length = 0;
        org.asUser(setup.adminId, () =>
            executeAnonymous(
                org,
                "for (AsyncApexJob job : [SELECT Status, JobType FROM AsyncApexJob]) { System.debug(job.JobType + ' ' + job.Status); }",
                'jobs.apex'
            )
        );
        expect(lines.map((line) => line.replace(/^USER_DEBUG\|\[\d+\]\|DEBUG\|/, ''))).toEqual([
            'Queueable Completed',
            'Queueable Completed',
            'Queueable Completed'
        ]);
    });

    it('blocks a callout after uncommitted work, but not after jobs queued since startTest', () => {
        const job =
            'public class Job implements Queueable { public void execute(QueueableContext c) {} }';
        const answer = [
            '@IsTest',
            'public class Answer implements HttpCalloutMock {',
            '    public HttpResponse respond(HttpRequest request) { return new HttpResponse(); }',
            '}'
        ].join('\n');
        const callout =
            "HttpRequest request = new HttpRequest(); request.setEndpoint('callout:X/y'); request.setMethod('GET');";
        const results = run({
            Job: job,
            Answer: answer,
            Pending_Tests: [
                '@IsTest',
                'private class Pending_Tests {',
                '    @IsTest',
                '    static void it_calls_out_after_a_job_queued_in_the_test() {',
                '        Test.startTest();',
                '        Test.setMock(HttpCalloutMock.class, new Answer());',
                '        System.enqueueJob(new Job());',
                `        ${callout}`,
                '        new Http().send(request);',
                '        Test.stopTest();',
                '    }',
                '    @IsTest',
                '    static void it_cannot_call_out_after_a_job_queued_before_the_test() {',
                '        System.enqueueJob(new Job());',
                '        Test.startTest();',
                '        Test.setMock(HttpCalloutMock.class, new Answer());',
                `        ${callout}`,
                '        try {',
                '            new Http().send(request);',
                "            Assert.fail('no callout after uncommitted work');",
                '        } catch (CalloutException e) {',
                "            Assert.areEqual('You have uncommitted work pending. Please commit or rollback before calling out.', e.getMessage());",
                '        }',
                '        Test.stopTest();',
                '    }',
                '}'
            ].join('\n')
        });
        expect(
            results.get('Pending_Tests.it_calls_out_after_a_job_queued_in_the_test')
        ).toMatchObject({ outcome: 'pass' });
        expect(
            results.get('Pending_Tests.it_cannot_call_out_after_a_job_queued_before_the_test')
        ).toMatchObject({ outcome: 'pass' });
    });
});
