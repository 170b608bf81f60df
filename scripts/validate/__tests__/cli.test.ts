import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { JsonReport } from '../report';
import { copyFixture, fixture, removeTemporaryProjects, replace, VALID_FLOW } from './helpers';

const CLI = path.join(__dirname, '..', 'cli.ts');

afterAll(removeTemporaryProjects);

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
        encoding: 'utf8'
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run validate', () => {
    it('exits 0 and prints the findings as JSON with --json', () => {
        const { status, stdout } = run(fixture('valid-project'), '--json');
        expect(status).toBe(0);
        const report = JSON.parse(stdout) as JsonReport;
        expect(report).toEqual(
            expect.objectContaining({
                schemaVersion: 1,
                ok: true,
                root: fixture('valid-project'),
                findings: []
            })
        );
        expect(report.summary.files).toBe(12);
    }, 60_000);

    it('exits 1 on errors and prints them line by line, then the summary', () => {
        const dir = copyFixture('valid-project', {
            'sfdx-project.json': JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: '66.0',
                plugins: { validate: { apiVersionMismatchSeverity: 'error' } }
            }),
            [VALID_FLOW]: replace('<apiVersion>66.0</apiVersion>', '<apiVersion>65.0</apiVersion>')
        });
        const { status, stdout } = run(dir, '--rule', 'api-version', '--rule', 'xml-syntax');
        expect(status).toBe(1);
        expect(stdout.trim().split('\n\n')).toEqual([
            `${VALID_FLOW}:3: error [api-version] apiVersion 65.0 differs from sourceApiVersion 66.0 of sfdx-project.json. (Flow.apiVersion) — Write <apiVersion>66.0</apiVersion>, or change sourceApiVersion for the whole project.`,
            expect.stringMatching(
                /^Validation failed: 1 error, 0 warnings, 0 notes in 12 files \(2 rules, [\d.]+ s\)\.$/
            ) as string
        ]);
    }, 60_000);

    it('exits 2 with a clear message when the directory is not a Salesforce DX project', () => {
        const { status, stderr, stdout } = run(__dirname);
        expect(status).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain(`${__dirname} has no sfdx-project.json`);
    }, 60_000);

    it('exits 2 on an unknown option, an unknown rule or two directories', () => {
        expect(run('--jsn').status).toBe(2);
        const unknownRule = run(fixture('valid-project'), '--rule', 'no-such-rule');
        expect(unknownRule.status).toBe(2);
        expect(unknownRule.stderr).toContain('There is no rule no-such-rule');
        expect(run(fixture('valid-project'), fixture('apex-valid')).status).toBe(2);
    }, 60_000);

    it('prints its usage with --help', () => {
        const { status, stdout } = run('--help');
        expect(status).toBe(0);
        expect(stdout).toContain(
            'Usage: npm run validate -- [DIR] [--json] [--quiet] [--no-cache] [--rule ID]...'
        );
    }, 60_000);
});
