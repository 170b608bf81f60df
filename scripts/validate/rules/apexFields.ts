import { apexFiles } from '../apex/files';
import {
    findFieldReferences,
    findQueries,
    lineOf,
    prepareApex,
    type SourceName
} from '../apex/source';
import { finding } from '../finding';
import { messages } from '../messages';
import { isCustomName, objectModel, type FieldCheck } from '../model';
import type { Finding, Rule } from '../types';

const ID = 'apex-fields';

/**
 * Fields that Apex names in SOQL (`[SELECT ...]`, literal `Database.query('...')`) and as
 * `Object.Field__c` exist: apex-ls checks neither SOQL nor fields of User.
 */
export const apexFieldsRule: Rule = {
    id: ID,
    description:
        "Every field named in Apex SOQL and every Object.Field__c reference exists on the project's objects and User.",
    check(project) {
        const files = apexFiles(project);
        if (files.length === 0) {
            return [];
        }
        const objects = project.memo(objectModel);
        const findings: Finding[] = [];
        for (const file of files) {
            const text = project.text(file);
            const source = prepareApex(text);
            const report = (at: SourceName, check: FieldCheck): void => {
                if (check.status === 'unknown-field' || check.status === 'unknown-object') {
                    findings.push(
                        finding(ID, 'error', messages.objects.unknown(check), {
                            file,
                            line: lineOf(text, at.offset)
                        })
                    );
                }
            };
            for (const query of findQueries(source)) {
                const objectCheck = objects.checkObject(query.object.name);
                const object = objects.object(query.object.name);
                if (objectCheck.status === 'unknown-object' && isCustomName(query.object.name)) {
                    report(query.object, objectCheck);
                }
                if (!object) {
                    continue;
                }
                // Standard objects other than User are listed with their common fields only.
                const checksStandardFields = object.custom || object.name === 'User';
                for (const field of query.fields) {
                    const first = field.name.split('.')[0] ?? field.name;
                    if (checksStandardFields || isCustomName(first) || /__r$/i.test(first)) {
                        report(field, objects.checkField(object.name, field.name));
                    }
                }
            }
            for (const reference of findFieldReferences(source)) {
                const object = objects.object(reference.object.name);
                // Unqualified, only the exact spelling of the type: `user.X__c` is a variable.
                if (object && (reference.qualified || object.name === reference.object.name)) {
                    report(reference.field, objects.checkField(object.name, reference.field.name));
                }
            }
        }
        return findings;
    }
};
