import {
    benchApexCommand,
    benchRuntimeCommand,
    benchSyncCommand,
    benchValidateCommand
} from './bench/commands';
import { buildCommand } from './build/command';
import { corpusCommand } from './corpus/command';
import { deployCommand } from './deploy/command';
import { flowCopyCommand, generateCommand } from './generate/command';
import {
    orgCreateCommand,
    orgDeleteCommand,
    orgSetupCommand,
    packageVersionCommand
} from './scratch-org/command';
import { previewCommand, recordCommand } from './preview/command';
import {
    apexCommand,
    apexExecCommand,
    apexTestCommand,
    flowTestCommand,
    simulateCommand,
    startCommand
} from './runtime/cli/commands';
import type { CommandSpec } from './shared/command';
import { validateCommand } from './validate/command';

/**
 * Every command of the project, by the npm script that runs it (package.json), and the
 * subcommands by how they are typed. The README's commands, options and exit codes are checked
 * against these (scripts/__tests__/readme.test.ts).
 */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
    start: startCommand,
    simulate: simulateCommand,
    'flow:test': flowTestCommand,
    apex: apexCommand,
    'apex -- exec': apexExecCommand,
    'apex:test': apexTestCommand,
    generate: generateCommand,
    'generate -- flow': flowCopyCommand,
    validate: validateCommand,
    corpus: corpusCommand,
    build: buildCommand,
    deploy: deployCommand,
    'org:create': orgCreateCommand,
    'org:setup': orgSetupCommand,
    'org:delete': orgDeleteCommand,
    'package:version': packageVersionCommand,
    preview: previewCommand,
    'preview -- record': recordCommand,
    bench: benchRuntimeCommand,
    'bench:apex': benchApexCommand,
    'bench:sync': benchSyncCommand,
    'bench:validate': benchValidateCommand
};
