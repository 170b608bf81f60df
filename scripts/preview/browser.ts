import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian, Ubuntu and Google's packages put the browser. */
export const SYSTEM_CHROMIUM = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable'
] as const;

/**
 * Flags for a headless run in a container: no sandbox (root in CI), no GPU, and nothing that
 * reaches the network on its own.
 */
const LAUNCH_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic'
];

/**
 * The Chromium to drive: CHROME_PATH when set (it must exist), else the system's. Throws with
 * what to install or set when there is none; Playwright's own download is not used.
 */
export function findChromium(
    chromePath: string | undefined = process.env.CHROME_PATH,
    exists: (file: string) => boolean = existsSync
): string {
    if (chromePath !== undefined && chromePath !== '') {
        if (!exists(chromePath)) {
            throw new Error(
                `CHROME_PATH=${chromePath}: no such file. Point CHROME_PATH at a Chrome or Chromium executable.`
            );
        }
        return chromePath;
    }
    const found = SYSTEM_CHROMIUM.find((file) => exists(file));
    if (found === undefined) {
        throw new Error(
            `No Chromium found (looked at ${SYSTEM_CHROMIUM.join(', ')}). Install it ` +
                '(Debian: apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium executable.'
        );
    }
    return found;
}

/** Starts a headless Chromium that Playwright drives. */
export function launchChromium(executablePath: string = findChromium()): Promise<Browser> {
    return chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
}
