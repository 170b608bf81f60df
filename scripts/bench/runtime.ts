import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadProject, readFlow } from '../runtime/cli/project';
import { CHUNK_SIZE } from '../runtime/org';
import { runStep, type Step } from '../runtime/drivers/scenario';
import { EmbeddedOrg } from '../runtime/org/embedded';
import type { FieldValues, LimitUsage } from '../runtime/types';
import { runMain, UsageError, type ParsedCommandLine } from '../shared/command';
import { benchRuntimeCommand, DEFAULT_BENCH_SIZES } from './commands';

/**
 * `npm run bench`: a first sync of N profile links against N users, written as the sync writes
 * them (one DML of 200 links per transaction), with the shipped template active. Prints wall
 * time, interviews per second and the limits each transaction used, for each size (10,000 and
 * 100,000 links unless --sizes says otherwise), and how the time grew against the size.
 */
const TEMPLATE = path.posix.join(
    'force-app',
    'main',
    'default',
    'flows',
    'MapUserCalendlyLinkTemplate.flow-meta.xml'
);

interface Result {
    readonly size: number;
    readonly seconds: number;
    readonly interviews: number;
    readonly transactions: number;
    readonly maxLimits: LimitUsage;
    readonly mapped: number;
}

function run(size: number): Result {
    const project = loadProject();
    const link = project.schema.object('CalendlyLink__c', 'bench');
    const userObject = project.schema.object('User', 'bench');
    const org = new EmbeddedOrg(project.schema, [readFlow(project, TEMPLATE, 'bench')]);
    const users: FieldValues[] = Array.from({ length: size }, (_, index) => ({
        Username: `member${index}@example.com.bench`,
        Email: `member${index}@example.com`,
        LastName: `Member ${index}`
    }));
    org.load([{ object: userObject, place: 'bench users', records: users }]);
    const maxLimits: LimitUsage = { soqlQueries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0 };
    let interviews = 0;
    let transactions = 0;
    const started = performance.now();
    for (let first = 0; first < size; first += CHUNK_SIZE) {
        const records: FieldValues[] = [];
        for (let index = first; index < Math.min(first + CHUNK_SIZE, size); index++) {
            records.push({
                Name: `Member ${index}`,
                Url__c: `https://calendly.com/member${index}`,
                Email__c: `MEMBER${index}@example.com`,
                LinkType__c: 'Profile',
                CalendlyUri__c: `https://api.calendly.com/users/M${index}`
            });
        }
        const step: Step = {
            place: `bench transaction ${transactions + 1}`,
            operation: 'insert',
            object: link,
            records,
            matchBy: project.schema.field(link, 'Id', 'bench'),
            allOrNone: false,
            expect: { ok: true }
        };
        const outcome = runStep(org, step);
        if (!outcome.ok) {
            throw new Error(`${step.place} failed: ${outcome.error ?? ''}`);
        }
        interviews += outcome.interviews;
        transactions += 1;
        for (const name of Object.keys(maxLimits) as (keyof LimitUsage)[]) {
            maxLimits[name] = Math.max(maxLimits[name], outcome.limits[name]);
        }
    }
    const seconds = (performance.now() - started) / 1000;
    const mapped = org.store.all('User').filter((user) => user['Calendly_Link__c'] !== null).length;
    return { size, seconds, interviews, transactions, maxLimits, mapped };
}

/** Reads --sizes: whole numbers of links, at least 1, separated by commas. */
function sizesOf(text: string | undefined): number[] {
    if (text === undefined) {
        return [...DEFAULT_BENCH_SIZES];
    }
    const sizes = text.split(',').map((part) => Number(part.trim()));
    if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
        throw new UsageError(
            `--sizes "${text}" must be whole numbers of links separated by commas, e.g. --sizes 1000,10000.`
        );
    }
    return sizes;
}

function main({ values }: ParsedCommandLine<typeof benchRuntimeCommand.options>): number {
    const results = sizesOf(values.sizes).map((size) => {
        const result = run(size);
        const limits = result.maxLimits;
        console.log(
            [
                `${result.size.toLocaleString('en-US')} links against ${result.size.toLocaleString('en-US')} users:`,
                `  ${result.seconds.toFixed(2)} s wall time for ${result.transactions} transactions of ${CHUNK_SIZE} links`,
                `  ${Math.round(result.interviews / result.seconds).toLocaleString('en-US')} interviews/s (${result.interviews.toLocaleString('en-US')} interviews, ${result.mapped.toLocaleString('en-US')} users mapped)`,
                `  limits per transaction (max): SOQL ${limits.soqlQueries}/100, query rows ${limits.queryRows}/50000, DML ${limits.dmlStatements}/150, DML rows ${limits.dmlRows}/10000`
            ].join('\n')
        );
        return result;
    });
    const [small, large] = [results[0], results.at(-1)];
    if (small && large && large !== small) {
        const ratio = large.seconds / small.seconds;
        console.log(
            `\n${(large.size / small.size).toFixed(1)}x the links took ${ratio.toFixed(1)}x the time.`
        );
    }
    return 0;
}

runMain(benchRuntimeCommand, main);
