import { finding } from '../finding';
import { messages } from '../messages';
import { PROJECT_FILE } from '../../project';
import type { Finding, Rule } from '../types';

const ID = 'metadata-type';

/**
 * Every file of the package directories belongs to a metadata type: a deploy silently leaves
 * out the files source-deploy-retrieve cannot place.
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
            findings.push(
                finding(ID, 'error', messages.metadataType.unknownType(reason), { file })
            );
        }
        return findings;
    }
};
