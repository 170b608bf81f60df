import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** `npm run deploy -- ARGS` with a home of its own: no saved login, no configuration. */
function deploy(
    home: string,
    ...args: string[]
): { status: number | null; out: string; err: string } {
    const result = spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/deploy/cli.ts', ...args],
        {
            cwd: REPO_ROOT,
            encoding: 'utf8',
            env: { PATH: process.env['PATH'] ?? '', HOME: home, USERPROFILE: home },
            timeout: 60_000
        }
    );
    return { status: result.status, out: result.stdout, err: result.stderr };
}

/** The same, without blocking this process: for a test that serves the org itself. */
function deployAsync(
    home: string,
    ...args: string[]
): Promise<{ status: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(
            process.execPath,
            [
                path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
                'scripts/deploy/cli.ts',
                ...args
            ],
            {
                cwd: REPO_ROOT,
                env: { PATH: process.env['PATH'] ?? '', HOME: home, USERPROFILE: home },
                timeout: 60_000
            }
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (status) => {
            resolve({ status, out, err });
        });
    });
}

describe('npm run deploy, as a command line, without an org', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-home-'));
    afterAll(() => {
        fs.rmSync(home, { recursive: true, force: true });
    });

    it('says how to log in and exits 2 when the alias has no login, leaving no log file behind', () => {
        const result = deploy(home, '--target-org', 'calendly-dev', '--dry-run');
        expect(result.status).toBe(2);
        expect(result.out).toBe('');
        expect(result.err).toContain('No org is logged in as "calendly-dev"');
        expect(result.err).toContain('sf org login web --alias calendly-dev');
        expect(fs.existsSync(path.join(home, '.sf'))).toBe(false);
    });

    it('asks for --target-org when there is no default org, exits 2', () => {
        const result = deploy(home);
        expect(result.status).toBe(2);
        expect(result.err).toMatch(/^No org to deploy to: give --target-org ALIAS/);
    });

    it('with a saved login the org refuses, exits 2 saying how to log in again, before building', async () => {
        // An org that answers every request as Salesforce answers an expired session.
        const server = http.createServer((_request, response) => {
            response.writeHead(401, { 'Content-Type': 'application/json' });
            response.end(
                JSON.stringify([
                    { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
                ])
            );
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            const state = path.join(home, '.sfdx');
            fs.mkdirSync(state, { recursive: true });
            // A login as the sf CLI saves it, without a refresh token, for the local org.
            fs.writeFileSync(
                path.join(state, 'ci@example.com.json'),
                JSON.stringify({
                    accessToken: '00D000000000001!token',
                    instanceUrl: `http://127.0.0.1:${port}`,
                    loginUrl: `http://127.0.0.1:${port}`,
                    orgId: '00D000000000001AAA',
                    username: 'ci@example.com'
                })
            );
            fs.writeFileSync(
                path.join(state, 'alias.json'),
                JSON.stringify({ orgs: { ci: 'ci@example.com' } })
            );

            const result = await deployAsync(home, '--target-org', 'ci', '--dry-run');

            expect(result.err).toMatch(
                /^The org ci \(ci@example\.com\) refused the saved login: .+\. Log in again with sf org login web --alias ci/m
            );
            expect(result.status).toBe(2);
            expect(result.out).not.toContain('Building');
        } finally {
            server.close();
        }
    });

    it('refuses bad options before looking for the org, exits 2', () => {
        const result = deploy(home, '--target-org', 'calendly-dev', '--test-level', 'RunAllTests');
        expect(result.status).toBe(2);
        expect(result.err).toMatch(/^--test-level "RunAllTests" is not a test level/);
    });

    it('prints its usage with the exit codes', () => {
        const result = deploy(home, '--help');
        expect(result.status).toBe(0);
        expect(result.out).toContain('Usage: npm run deploy -- [--target-org ALIAS] [--dry-run]');
        expect(result.out).toContain('Exit code: 0 deployed (or validated), 1 not deployed');
    });
});
