import * as path from 'node:path';
import type { ParsedCommandLine } from '../shared/command';
import type { corpusCommand } from './command';
import { TextTable, toJson } from './report';
import { projectFolders, surveyProject, type ProjectSurvey } from './survey';

type Options = (typeof corpusCommand)['options'];

/**
 * The command's body, printing through `print` (one call a line or a JSON document): surveys
 * each project in turn; the text table shows each row as soon as its project is done.
 */
export function corpusMain(
    print: (text: string) => void
): (parsed: ParsedCommandLine<Options>) => Promise<number> {
    return async ({ values, positionals: [dir = ''] }) => {
        const names = projectFolders(dir);
        // Each project's PMD run creates a Code Analyzer, which registers an exit handler that
        // deletes its temporary folder: one per project, none of them a leak.
        process.setMaxListeners(Math.max(process.getMaxListeners(), names.length + 10));
        const table = new TextTable(names);
        if (!values.json) {
            print(table.heading());
        }
        const surveys: ProjectSurvey[] = [];
        for (const name of names) {
            const survey = await surveyProject(path.join(dir, name));
            surveys.push(survey);
            if (!values.json) {
                print(table.project(survey));
            }
        }
        print(values.json ? JSON.stringify(toJson(surveys), null, 2) : table.total(surveys));
        return 0;
    };
}
