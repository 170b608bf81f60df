import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../types';
import { copyFixture, findings, fixture, removeTemporaryProjects, replace } from '../helpers';

/**
 * A project's own code-analyzer.yml configures the apex-pmd rule as it configures Code Analyzer.
 * The fixture's file changes one finding per section: a disabled rule (ApexDoc), a severity
 * raised to 2 (ApexUnitTestClassShouldHaveRunAs, which then fails the run), a PMD property set
 * through a custom ruleset (the test-method pattern of MethodNamingConventions) and a suppression
 * of one rule in one file (AvoidGlobalModifier in Greeter.cls).
 */
const GREETER = 'force-app/main/default/classes/Greeter.cls';
const TESTS = 'force-app/main/default/classes/Greeter_Tests.cls';
const CONFIG = 'code-analyzer.yml';

afterAll(removeTemporaryProjects);

const summary = (result: readonly Finding[]): string[] =>
    result.map((item) => `${item.file ?? ''}:${item.line ?? ''} ${item.severity} ${item.rule}`);

let configured: Finding[] = [];
let defaults: Finding[] = [];

beforeAll(async () => {
    [configured, defaults] = await Promise.all([
        findings(fixture('apex-pmd-config'), ['apex-pmd']),
        findings(copyFixture('apex-pmd-config', { [CONFIG]: null }), ['apex-pmd'])
    ]);
}, 180_000);

describe("apex-pmd with the project's code-analyzer.yml", () => {
    it('applies its rule overrides, custom ruleset and suppressions, on the Java the validator checked', () => {
        expect(summary(configured)).toEqual([
            `${TESTS}:4 error apex-pmd/ApexUnitTestClassShouldHaveRunAs`,
            `${TESTS}:9 error apex-pmd/ApexUnitTestClassShouldHaveRunAs`,
            `${TESTS}:9 warning apex-pmd/MethodNamingConventions`
        ]);
        expect(configured.find((item) => item.line === 9 && /Naming/.test(item.rule))).toEqual(
            expect.objectContaining({
                message: expect.stringContaining("doesn't match 'it_should_[a-z0-9_]+'") as string
            })
        );
    });

    it("runs PMD's Recommended rules as Code Analyzer defines them when the project has none", () => {
        expect(summary(defaults)).toEqual([
            `${GREETER}:1 warning apex-pmd/ApexDoc`,
            `${GREETER}:1 warning apex-pmd/AvoidGlobalModifier`,
            `${GREETER}:2 warning apex-pmd/ApexDoc`,
            `${TESTS}:4 warning apex-pmd/ApexUnitTestClassShouldHaveRunAs`,
            `${TESTS}:4 warning apex-pmd/MethodNamingConventions`,
            `${TESTS}:9 warning apex-pmd/ApexUnitTestClassShouldHaveRunAs`
        ]);
    });
});

describe('a code-analyzer.yml the rule cannot use', () => {
    it('is an error at the file that says what Code Analyzer refused', async () => {
        const dir = copyFixture('apex-pmd-config', {
            [CONFIG]: replace('severity: 2', 'severity: urgent')
        });
        expect(await findings(dir, ['apex-pmd'])).toEqual([
            expect.objectContaining({
                rule: 'apex-pmd',
                severity: 'error',
                file: CONFIG,
                message: expect.stringMatching(
                    /^PMD cannot run with this Code Analyzer configuration: .*rules\.pmd\.ApexUnitTestClassShouldHaveRunAs\.severity/
                ) as string
            })
        ]);
    });

    it('is an error at the line of a YAML mistake', async () => {
        const dir = copyFixture('apex-pmd-config', {
            [CONFIG]: replace('      disabled: true', '      disabled: true\n     - oops')
        });
        expect(await findings(dir, ['apex-pmd'])).toEqual([
            expect.objectContaining({
                severity: 'error',
                file: CONFIG,
                line: 13,
                message: expect.stringContaining('it is not valid YAML') as string
            })
        ]);
    });

    it('is read afresh, not served from the cache, once the file changed', async () => {
        const dir = copyFixture('apex-pmd-config', {
            [CONFIG]: replace('severity: 2', 'severity: urgent')
        });
        const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cache-'));
        try {
            const first = await findings(dir, ['apex-pmd'], { cacheDirectory });
            expect(first).toEqual([
                expect.objectContaining({ message: expect.stringContaining('severity') as string })
            ]);
            fs.writeFileSync(
                path.join(dir, CONFIG),
                fs
                    .readFileSync(path.join(dir, CONFIG), 'utf8')
                    .replace('disabled: true', 'disabled: 7')
            );
            expect(await findings(dir, ['apex-pmd'], { cacheDirectory })).toEqual([
                expect.objectContaining({
                    message: expect.stringContaining('rules.pmd.ApexDoc.disabled') as string
                })
            ]);
        } finally {
            fs.rmSync(cacheDirectory, { recursive: true, force: true });
        }
    });
});
