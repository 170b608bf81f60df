import { child } from '../../xml/parse';
import { atElement, finding } from '../finding';
import { messages } from '../messages';
import { PROJECT_FILE } from '../../project';
import { configuredSeverity } from '../settings';
import type { Finding, Rule } from '../types';

const ID = 'api-version';

/**
 * Every component is written for the API version the project declares in sfdx-project.json. A
 * component of another version deploys and runs with that version's behaviour (Metadata API
 * Developer Guide, "API Versions": each component keeps its own), so a difference is a warning
 * unless the project makes equality its rule (`plugins.validate.apiVersionMismatchSeverity`).
 */
export const apiVersionRule: Rule = {
    id: ID,
    description:
        'Every <apiVersion> of the package directories equals sourceApiVersion of sfdx-project.json.',
    check(project) {
        const expected = project.config.sourceApiVersion;
        if (expected === undefined) {
            return [
                finding(ID, 'warning', messages.apiVersion.noSourceApiVersion(), {
                    file: PROJECT_FILE
                })
            ];
        }
        const { severity, problem } = configuredSeverity(
            project,
            ID,
            'apiVersionMismatchSeverity',
            'warning'
        );
        const findings: Finding[] = problem ? [problem] : [];
        for (const file of project.filesEndingWith('-meta.xml')) {
            const root = project.xmlRoot(file);
            const version = root ? child(root, 'apiVersion') : undefined;
            const actual = version?.text.trim();
            if (root && version && actual !== undefined && Number(actual) !== Number(expected)) {
                findings.push(
                    finding(
                        ID,
                        severity,
                        messages.apiVersion.mismatch(actual, expected),
                        atElement(file, version, `${root.name}.apiVersion`)
                    )
                );
            }
        }
        return findings;
    }
};
