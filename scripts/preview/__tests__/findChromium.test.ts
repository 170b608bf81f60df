import { findChromium, SYSTEM_CHROMIUM } from '../browser';
import { portFromEnv } from '../cli';

describe('findChromium', () => {
    const only =
        (...files: string[]) =>
        (file: string): boolean =>
            files.includes(file);

    it('takes CHROME_PATH when it exists', () => {
        expect(findChromium('/opt/chrome/chrome', only('/opt/chrome/chrome'))).toBe(
            '/opt/chrome/chrome'
        );
    });

    it('refuses a CHROME_PATH that does not exist rather than look elsewhere', () => {
        expect(() => findChromium('/opt/missing', only('/usr/bin/chromium'))).toThrow(
            'CHROME_PATH=/opt/missing: no such file. Point CHROME_PATH at a Chrome or Chromium executable.'
        );
    });

    it("falls back to the system's Chromium, in order", () => {
        expect(findChromium(undefined, only('/usr/bin/google-chrome'))).toBe(
            '/usr/bin/google-chrome'
        );
        expect(findChromium('', only(...SYSTEM_CHROMIUM))).toBe('/usr/bin/chromium');
    });

    it('says what to install or set when there is no browser', () => {
        expect(() => findChromium(undefined, only())).toThrow(
            /^No Chromium found \(looked at \/usr\/bin\/chromium, .*\)\. Install it \(Debian: apt-get install -y chromium\) or set CHROME_PATH/
        );
    });
});

describe('portFromEnv', () => {
    it('defaults to 3000 and accepts 0 for any free port', () => {
        expect(portFromEnv(undefined)).toBe(3000);
        expect(portFromEnv('')).toBe(3000);
        expect(portFromEnv('0')).toBe(0);
        expect(portFromEnv('8080')).toBe(8080);
    });

    it.each(['http', '80.5', '-1', '65536'])('refuses PORT=%s with what to use', (value) => {
        expect(() => portFromEnv(value)).toThrow(
            `PORT=${value} is not a port: use a whole number from 0 to 65535.`
        );
    });
});
