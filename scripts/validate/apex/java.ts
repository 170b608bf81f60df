import * as path from 'node:path';
import { runProcess } from './process';

const MINIMUM_JAVA = 17;

export type JavaStatus = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The Java the Apex checks use: $JAVA_HOME's, else the one on PATH. */
export function defaultJavaCommand(): string {
    const home = process.env.JAVA_HOME;
    return home ? path.join(home, 'bin', 'java') : 'java';
}

const checks = new Map<string, Promise<JavaStatus>>();

/** Whether a Java command runs and is recent enough; asked once per command and process. */
export function checkJava(command: string): Promise<JavaStatus> {
    let check = checks.get(command);
    if (!check) {
        check = probe(command);
        checks.set(command, check);
    }
    return check;
}

async function probe(command: string): Promise<JavaStatus> {
    const result = await runProcess(command, ['-version']);
    if (result.error || result.code !== 0) {
        return {
            ok: false,
            reason: `\`${command} -version\` did not run (${result.error?.message ?? `exit ${String(result.code)}`})`
        };
    }
    const version = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
    const first = Number(version?.[1] ?? 0);
    const major = first === 1 ? Number(version?.[2] ?? 0) : first;
    return major >= MINIMUM_JAVA
        ? { ok: true }
        : {
              ok: false,
              reason: `\`${command}\` is Java ${major === 0 ? 'of an unknown version' : String(major)}`
          };
}
