import { ApexCompileError, ApexLimitError, ApexThrow, UnsupportedError } from '../apex/errors';
import type { ApexClass, MethodInfo } from '../apex/model';
import type { RecordStore } from '../org';
import type { ApexOrg } from './apexOrg';
import type { OrgSetup } from './setup';
import { TestRun } from './testRun';

/**
 * Apex tests as the platform runs them (DG "Understanding Testing in Apex", "Isolation of Test
 * Data from Organization Data in Unit Tests", "Using Test Setup Methods"): each test method in
 * a transaction of its own, rolled back at its end, that sees the records of the class's
 * @TestSetup methods and, without SeeAllData, none of the org's data but its setup objects.
 */

/** A test class, or one of its methods, that a run asks for. */
export interface TestSelection {
    readonly className: string;
    readonly methodName?: string;
}

export interface TestMethodResult {
    readonly className: string;
    readonly methodName: string;
    /**
     * `error`: the test could not run in the embedded org (Apex it does not support, or that
     * does not compile); its message names the file and line.
     */
    readonly outcome: 'pass' | 'fail' | 'error';
    /** The failure: `System.AssertException: Assertion Failed: ...`. */
    readonly message: string | null;
    /** Where it failed, innermost first: `Class.method: line N, column M`. */
    readonly stack: readonly string[];
    readonly durationMs: number;
}

/**
 * The objects a test sees without SeeAllData: "objects that are used to manage your
 * organization or metadata objects" — the guide names User, Profile, Organization, CronTrigger,
 * RecordType, ApexClass, ApexTrigger, ApexComponent and ApexPage, and its older versions
 * AsyncApexJob. The org's other setup records of the same kind (CronJobDetail, which
 * CronTrigger names; permission sets; flow and entity definitions) are metadata too.
 * [verify in an org: CronJobDetail, PermissionSet, PermissionSetAssignment, FlowDefinitionView
 * and AsyncApexJob rows visible to a test without SeeAllData]
 */
const VISIBLE_WITHOUT_SEE_ALL_DATA: ReadonlySet<string> = new Set([
    'User',
    'Profile',
    'Organization',
    'CronTrigger',
    'CronJobDetail',
    'ApexClass',
    'AsyncApexJob',
    'PermissionSet',
    'PermissionSetAssignment',
    'FlowDefinitionView',
    'EntityDefinition'
]);

const SEE_ALL_DATA = 'istest.seealldata=true';

export interface TestClass {
    readonly cls: ApexClass;
    readonly methods: readonly MethodInfo[];
    readonly setup: readonly MethodInfo[];
}

const isTestMethod = (method: MethodInfo): boolean =>
    method.isStatic && method.parameters.length === 0 && method.annotations.has('istest');

/**
 * The project's test classes (top-level classes annotated @IsTest), with their test methods and
 * @TestSetup methods in source order, narrowed to a selection when one is given. A selection
 * that names no test class or method is an error naming it.
 */
export function findTests(org: ApexOrg, selections: readonly TestSelection[]): TestClass[] {
    const all = org.vm.projectClasses
        .filter((cls) => cls.outer === undefined && cls.annotations.has('istest'))
        .map((cls) => ({
            cls,
            methods: [...cls.methods.values()].flat().filter(isTestMethod),
            setup: [...cls.methods.values()]
                .flat()
                .filter((method) => method.isStatic && method.annotations.has('testsetup'))
        }))
        .map((test) => ({
            ...test,
            methods: [...test.methods].sort((a, b) => a.place.line - b.place.line)
        }))
        .sort((a, b) => a.cls.name.localeCompare(b.cls.name));
    if (selections.length === 0) {
        return all;
    }
    return selections.map((selection) => {
        const test = all.find(
            (candidate) => candidate.cls.name.toLowerCase() === selection.className.toLowerCase()
        );
        if (!test) {
            throw new TestSelectionError(
                `${selection.className} is not a test class of the project (a top-level class annotated @IsTest).`
            );
        }
        if (selection.methodName === undefined) {
            return test;
        }
        const wanted = selection.methodName.toLowerCase();
        const methods = test.methods.filter((method) => method.name.toLowerCase() === wanted);
        if (methods.length === 0) {
            throw new TestSelectionError(
                `${test.cls.name}.${selection.methodName} is not a test method of ${test.cls.name}.`
            );
        }
        return { ...test, methods };
    });
}

/** A --class that names nothing to run. */
export class TestSelectionError extends Error {
    public constructor(message: string) {
        super(message);
        this.name = 'TestSelectionError';
    }
}

/**
 * Runs test classes against the org's records as they are now: the org itself is left as it
 * was.
 */
export function runTests(
    org: ApexOrg,
    setup: OrgSetup,
    classes: readonly TestClass[],
    report: (result: TestMethodResult) => void = () => undefined
): TestMethodResult[] {
    const base = org.records;
    const jobs = org.jobs.save();
    const results: TestMethodResult[] = [];
    try {
        for (const test of classes) {
            results.push(...runClass(org, setup, base, test, report));
            org.jobs.restore(jobs);
        }
    } finally {
        org.useStore(base);
        org.jobs.restore(jobs);
    }
    return results;
}

function runClass(
    org: ApexOrg,
    setup: OrgSetup,
    base: RecordStore,
    test: TestClass,
    report: (result: TestMethodResult) => void
): TestMethodResult[] {
    const seeAllData = test.cls.annotations.has(SEE_ALL_DATA);
    const classStore = base.copy(
        (object) => seeAllData || VISIBLE_WITHOUT_SEE_ALL_DATA.has(object)
    );
    const jobs = org.jobs.save();
    org.useStore(classStore);
    const setupFailure =
        test.setup.length > 0
            ? attempt(() => {
                  runAsTest(org, setup, () => {
                      test.setup.forEach((method) => org.vm.invoke(method, null, []));
                  });
              })
            : undefined;
    const after = org.jobs.save();
    return test.methods.map((method) => {
        const started = performance.now();
        let failure = setupFailure;
        if (!failure) {
            const methodSeesAll = seeAllData || method.annotations.has(SEE_ALL_DATA);
            org.useStore(methodSeesAll ? base.copy() : classStore.copy());
            org.jobs.restore(after);
            failure = attempt(() => {
                runAsTest(org, setup, () => org.vm.invoke(method, null, []));
            });
            org.jobs.restore(jobs);
        }
        const result: TestMethodResult = {
            className: test.cls.name,
            methodName: method.name,
            outcome: failure ? failure.outcome : 'pass',
            message: failure?.message ?? null,
            stack: failure?.stack ?? [],
            durationMs: Math.round(performance.now() - started)
        };
        report(result);
        return result;
    });
}

/** One test transaction: the admin runs it with the Test class answering for this test. */
function runAsTest(org: ApexOrg, setup: OrgSetup, body: () => void): void {
    const test = new TestRun(org, org.jobs, { organizationId: () => setup.organizationId });
    org.asUser(setup.adminId, () => {
        org.inTest(test, () => {
            org.run(() => {
                body();
                test.finish();
            });
        });
    });
}

interface Failure {
    readonly outcome: 'fail' | 'error';
    readonly message: string;
    readonly stack: readonly string[];
}

/**
 * The Apex exception or limit that ended a test, or the Apex the org could not run; anything
 * else is a defect of the runtime, thrown.
 */
function attempt(body: () => void): Failure | undefined {
    try {
        body();
        return undefined;
    } catch (error: unknown) {
        if (error instanceof ApexThrow) {
            const state = error.exception.exception;
            return {
                outcome: 'fail',
                message: `${error.exception.type.name}: ${state?.message ?? ''}`,
                stack: state?.stack ?? []
            };
        }
        if (error instanceof ApexLimitError) {
            return {
                outcome: 'fail',
                message: `System.LimitException: ${error.message}`,
                stack: []
            };
        }
        if (error instanceof UnsupportedError || error instanceof ApexCompileError) {
            return { outcome: 'error', message: error.message, stack: [] };
        }
        throw error;
    }
}
