import { finding } from '../finding';
import { messages } from '../messages';
import { PROJECT_FILE } from '../../project';
import type { Finding, Rule } from '../types';

const ID = 'metadata-type';

/**
 * Every file of the package directories belongs to a metadata type. A `-meta.xml` file no type
 * claims stops a deploy (source-deploy-retrieve's resolver throws TypeInferenceError on it);
 * any other file is skipped by the deploy's walk of the directory, which resolves only files
 * that look like metadata (source-deploy-retrieve, MetadataResolver.getComponentsFromPath), so
 * it is a warning: jest mocks under force-app/test are meant to stay behind.
 */
export const metadataTypeRule: Rule = {
    id: ID,
    description:
        'Every file of the package directories (outside .forceignore) is part of a known metadata type.',
    check(project) {
        const findings: Finding[] = project.missingPackageDirectories.map((directory) =>
            finding(ID, 'error', messages.metadataType.missingPackageDirectory(directory), {
                file: PROJECT_FILE
            })
        );
        for (const [file, reason] of project.components.unresolved) {
            const severity = file.endsWith('-meta.xml') ? 'error' : 'warning';
            findings.push(
                finding(ID, severity, messages.metadataType.unknownType(reason), { file })
            );
        }
        return findings;
    }
};
