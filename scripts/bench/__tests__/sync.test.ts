import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyOfProject, REPOSITORY_ROOT } from '../../shared/testProject';

/**
 * `npm run bench:sync -- --json` at a tiny size: the shape of what it prints, not its figures
 * (a benchmark's times are no test's business).
 */
const PROJECT = copyOfProject();
afterAll(() => {
    fs.rmSync(PROJECT, { recursive: true, force: true });
});

const number = expect.any(Number) as number;

describe('npm run bench:sync -- --json', () => {
    it('prints the runs and the unchanged sync as JSON alone, and exits 0 when each made the minimum of requests', () => {
        const result = spawnSync(
            process.execPath,
            [
                path.join(REPOSITORY_ROOT, 'node_modules/tsx/dist/cli.mjs'),
                path.join(REPOSITORY_ROOT, 'scripts/bench/sync.ts'),
                '--members',
                '30,120',
                '--json'
            ],
            { cwd: PROJECT, encoding: 'utf8' }
        );

        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const json = JSON.parse(result.stdout) as {
            runs: { members: number; calendlyRequests: number; minimumRequests: number }[];
            unchanged: object;
        };
        expect(json.runs).toEqual(
            [30, 120].map((members): unknown =>
                expect.objectContaining({
                    members,
                    calendlyRequests: number,
                    minimumRequests: number,
                    steps: number,
                    seconds: number,
                    busiestStep: {
                        soqlQueries: number,
                        queryRows: number,
                        dmlStatements: number,
                        dmlRows: number,
                        callouts: number,
                        heapBytes: number
                    }
                })
            )
        );
        for (const run of json.runs) {
            expect(run.calendlyRequests).toBe(run.minimumRequests);
        }
        // 120 members: two pages of members.
        expect(json.runs[1]?.minimumRequests).toBeGreaterThanOrEqual(4);
        expect(json.unchanged).toEqual(
            expect.objectContaining({ members: 30, linkRowsWritten: 0, flowInterviews: 0 })
        );
    }, 120_000);
});
