import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject, openApexOrg, type OpenedApexOrg } from '../../cli/project';
import { debugAsAdmin } from './apexHelpers';

/**
 * The org has one clock: what System.now returns and what a save stamps are the same instant,
 * and moving the clock forward (time passing between two hourly runs) moves both.
 */
const HOUR = 3_600_000;
let root: string;
let opened: OpenedApexOrg;
const lines: string[] = [];

function debugValues(text: string): number[] {
    return debugAsAdmin(opened, lines, text, 'clock.apex').map(Number);
}

const STAMP_AND_NOW = [
    "PermissionSet saved = new PermissionSet(Name = 'Clock' + Crypto.getRandomInteger(), Label = 'Clock');",
    'Long before = System.now().getTime();',
    'insert saved;',
    'System.debug(before);',
    'System.debug([SELECT CreatedDate FROM PermissionSet WHERE Id = :saved.Id].CreatedDate.getTime());',
    'System.debug(System.currentTimeMillis());'
].join('\n');

beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-clock-'));
    fs.writeFileSync(
        path.join(root, 'sfdx-project.json'),
        JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: '66.0'
        })
    );
    fs.mkdirSync(path.join(root, 'force-app'));
    opened = openApexOrg(loadProject(root, { setup: true }), {
        state: 'fresh',
        flows: [],
        log: (line) => lines.push(line)
    });
});

afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

/** What one transaction read of the clock: System.now, the save's stamp, currentTimeMillis. */
function readClock(): { now: number; stamped: number; millis: number } {
    const [now = NaN, stamped = NaN, millis = NaN] = debugValues(STAMP_AND_NOW);
    return { now, stamped, millis };
}

/** How far a save's stamp is past the start of the second System.now was in before it. */
function stampAfterSecond({ now, stamped }: { now: number; stamped: number }): number {
    return stamped - (now - (now % 1000));
}

describe("the org's clock", () => {
    it('gives System.now and the save stamps the same clock, moved forward by advanceClock', () => {
        const first = readClock();
        opened.org.advanceClock(HOUR);
        const later = readClock();
        // Both clocks run on real time underneath: an hour ahead, and not two.
        expect(later.now - first.now).toBeGreaterThanOrEqual(HOUR);
        expect(later.now - first.now).toBeLessThan(2 * HOUR);
        expect(later.millis - first.millis).toBeGreaterThanOrEqual(HOUR);
        // A save stamps the second it happens in (Datetime fields keep no milliseconds), well
        // within a minute of what System.now said before it.
        for (const reading of [first, later]) {
            expect(stampAfterSecond(reading)).toBeGreaterThanOrEqual(0);
            expect(stampAfterSecond(reading)).toBeLessThan(60_000);
        }
    });

    it('only moves forward', () => {
        expect(() => {
            opened.org.advanceClock(-1);
        }).toThrow(/only moves forward/);
    });
});
