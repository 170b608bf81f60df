import * as path from 'node:path';
import type { BuildOutput, Member } from './types';

/** A component of an unpackaged directory, which must never reach the build output. */
export interface UnpackagedMember extends Member {
    /** The package directory it comes from, relative to the project root. */
    readonly dir: string;
}

const TEST_FOLDER = /(^|\/)__tests__(\/|$)/;
const JEST_TEST = /\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * What the build output must not hold: tests (an LWC's `__tests__` folder, Jest files) and
 * components of unpackaged directories. SDR copies whatever .forceignore lets through, so
 * the output is checked as written, the zip as well as the directory.
 *
 * @param root the project root, for messages with short paths
 * @returns one message per problem, empty when the output is clean
 */
export function findForbiddenOutput(
    root: string,
    output: BuildOutput,
    unpackaged: readonly UnpackagedMember[]
): string[] {
    const problems: string[] = [];
    const directory = displayPath(root, output.directory);
    const zip = displayPath(root, output.zipPath);
    for (const [label, files] of [
        [directory, output.directoryFiles],
        [zip, output.zipFiles]
    ] as const) {
        for (const file of files) {
            const problem = forbiddenPath(file);
            if (problem) {
                problems.push(
                    `${label}: ${file} ${problem}; keep it out of the package with .forceignore (**/__tests__/**).`
                );
            }
        }
    }
    const shipped = new Set(output.members.map(memberKey));
    for (const member of unpackaged) {
        if (shipped.has(memberKey(member))) {
            problems.push(
                `${directory}/package.xml: ${member.type} ${member.name} comes from the unpackaged directory ${member.dir}; it must not be packaged, so keep it out of the packaged directory.`
            );
        }
    }
    const inDirectory = new Set(output.directoryFiles);
    const inZip = new Set(output.zipFiles);
    for (const file of output.zipFiles.filter((entry) => !inDirectory.has(entry))) {
        problems.push(`${zip}: ${file} is in the zip but not in ${directory}.`);
    }
    for (const file of output.directoryFiles.filter((entry) => !inZip.has(entry))) {
        problems.push(`${zip}: ${file} of ${directory} is missing from the zip.`);
    }
    return problems;
}

function forbiddenPath(file: string): string | undefined {
    if (TEST_FOLDER.test(file)) {
        return 'is in a __tests__ folder';
    }
    if (JEST_TEST.test(file)) {
        return 'is a Jest test';
    }
    return undefined;
}

function memberKey(member: Member): string {
    return `${member.type}:${member.name}`;
}

/** A path relative to root when it lies inside it, with forward slashes. */
export function displayPath(root: string, target: string): string {
    const relative = path.relative(root, target);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
        ? target
        : relative.split(path.sep).join('/');
}
