import { finding } from '../finding';
import { messages } from '../messages';
import type { Finding, Rule } from '../types';

const ID = 'xml-syntax';

/** Every XML file of the package directories is well formed: no other check can read it otherwise. */
export const xmlSyntaxRule: Rule = {
    id: ID,
    description: 'Every .xml file of the package directories is well-formed XML.',
    check(project) {
        const findings: Finding[] = [];
        for (const file of project.filesEndingWith('.xml')) {
            const { error } = project.xml(file);
            if (error) {
                const reason = error.message.replace(
                    `${error.file}:${error.line}:${error.column}: `,
                    ''
                );
                findings.push(
                    finding(ID, 'error', messages.xml.notWellFormed(reason), {
                        file,
                        line: error.line,
                        column: error.column
                    })
                );
            }
        }
        return findings;
    }
};
