import { finding } from '../finding';
import { messages } from '../messages';
import type { Finding, Rule } from '../types';

const ID = 'apex-meta-xml';
const APEX_SOURCE = /\.(cls|trigger)$/;
const APEX_META = /\.(cls|trigger)-meta\.xml$/;

/**
 * Every Apex class and trigger has its -meta.xml and the other way round: source-deploy-retrieve
 * silently drops a class without one from the deploy.
 */
export const apexMetaXmlRule: Rule = {
    id: ID,
    description:
        'Every .cls and .trigger has its -meta.xml file, and every such -meta.xml its source.',
    check(project) {
        const files = new Set(project.files);
        const findings: Finding[] = [];
        for (const file of project.files) {
            if (APEX_SOURCE.test(file) && !files.has(`${file}-meta.xml`)) {
                findings.push(
                    finding(ID, 'error', messages.apexMetaXml.missingMetaXml(file), { file })
                );
            } else if (APEX_META.test(file) && !files.has(file.replace(/-meta\.xml$/, ''))) {
                findings.push(
                    finding(ID, 'error', messages.apexMetaXml.missingSource(file), { file })
                );
            }
        }
        return findings;
    }
};
