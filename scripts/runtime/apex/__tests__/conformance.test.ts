import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOnly } from '../compiler/extensions';
import { registerCorePlatform } from '../platform';
import { ApexVm } from '../vm';

/**
 * The conformance suite: small anonymous-Apex programs (conformance/*.apex), each with the debug
 * log Apex writes for it (*.out), every expectation with its source in the program's comments,
 * run against the classes of conformance/classes.
 */
const DIRECTORY = path.join(__dirname, '..', 'conformance');
const CLASSES = path.join(DIRECTORY, 'classes');

const sources = fs
    .readdirSync(CLASSES)
    .filter((file) => file.endsWith('.cls'))
    .map((file) => ({
        file: `conformance/classes/${file}`,
        text: fs.readFileSync(path.join(CLASSES, file), 'utf8')
    }));

const programs = fs.readdirSync(DIRECTORY).filter((file) => file.endsWith('.apex'));

describe('Apex conformance', () => {
    it.each(programs)('%s writes the debug log Apex writes', (program) => {
        const lines: string[] = [];
        const vm = new ApexVm({
            sources,
            log: (line) => lines.push(line),
            sobjects: { objectName: () => undefined, field: () => undefined },
            platform: registerCorePlatform,
            extensions: languageOnly
        });
        vm.runAnonymous(fs.readFileSync(path.join(DIRECTORY, program), 'utf8'), program);
        const expected = fs.readFileSync(
            path.join(DIRECTORY, program.replace(/\.apex$/, '.out')),
            'utf8'
        );
        expect(lines).toEqual(expected.trimEnd().split('\n'));
    });
});
