import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { activeFlows, loadProject, openApexOrg } from '../../cli/project';
import { executeAnonymous } from '../../drivers/anonymous';

/**
 * The org part of the conformance suite: anonymous-Apex programs (conformance/org/*.apex) that
 * query, save, describe and queue against the package's own objects, each with the debug log
 * the platform writes for it (*.out), every expectation sourced in the program's comments. Each
 * program runs in a fresh org as its administrator, as `sf apex run` does; an exception that
 * escapes the block ends the log with its FATAL_ERROR line, as `npm run apex -- exec` prints it.
 */
const DIRECTORY = path.join(__dirname, '..', 'conformance', 'org');

const programs = fs.readdirSync(DIRECTORY).filter((file) => file.endsWith('.apex'));
const project = loadProject(REPOSITORY_ROOT, { setup: true });
const flows = activeFlows(project);

function debugLog(program: string): string[] {
    const lines: string[] = [];
    const { org, setup } = openApexOrg(project, {
        state: 'fresh',
        flows,
        log: (line) => {
            if (line.startsWith('USER_DEBUG|')) {
                lines.push(line);
            }
        }
    });
    const text = fs.readFileSync(path.join(DIRECTORY, program), 'utf8');
    const outcome = org.asUser(setup.adminId, () =>
        executeAnonymous(org, text, `conformance/org/${program}`)
    );
    if (outcome.kind === 'exception') {
        lines.push(`FATAL_ERROR|${outcome.type}: ${outcome.message}`);
    }
    return lines;
}

describe('Apex conformance against the org', () => {
    it.each(programs)('%s writes the debug log Apex writes', (program) => {
        const expected = fs.readFileSync(
            path.join(DIRECTORY, program.replace(/\.apex$/, '.out')),
            'utf8'
        );
        expect(debugLog(program)).toEqual(expected.trimEnd().split('\n'));
    });
});
