import {
    outlineApex,
    parseApex,
    resolveAlias,
    type ApexName,
    type SoqlSelect
} from '../../project/apex';
import { apexFiles } from '../apex/files';
import { finding } from '../finding';
import { messages } from '../messages';
import {
    isCustomName,
    objectModel,
    unknownSeverity,
    type FieldCheck,
    type ObjectModel
} from '../model';
import type { Finding, Rule } from '../types';

const ID = 'apex-fields';

/**
 * Fields that Apex names in SOQL (`[SELECT ...]`, literal `Database.query('...')`) and as
 * `Object.Field__c` exist: apex-ls checks neither SOQL nor fields of User. The Apex is read with
 * its grammar, so comments, strings and binds are never taken for fields.
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
            const outline = outlineApex(parseApex(project.text(file), file));
            const report = (at: ApexName, check: FieldCheck): void => {
                if (check.status === 'unknown-field' || check.status === 'unknown-object') {
                    findings.push(
                        finding(ID, unknownSeverity(check), messages.objects.unknown(check), {
                            file,
                            line: at.line
                        })
                    );
                }
            };
            for (const query of outline.queries) {
                checkSelect(query, objects, report);
            }
            for (const reference of outline.fieldReferences) {
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

/**
 * Checks a query's object and fields, and those of its semi-joins (`Id IN (SELECT ...)`), which
 * read an object of their own. A child relationship's subquery is not checked: its object is
 * named by the relationship.
 */
function checkSelect(
    select: SoqlSelect,
    objects: ObjectModel,
    report: (at: ApexName, check: FieldCheck) => void
): void {
    const objectCheck = objects.checkObject(select.from.name);
    const object = objects.object(select.from.name);
    if (objectCheck.status === 'unknown-object' && isCustomName(select.from.name)) {
        report(select.from, objectCheck);
    }
    if (object) {
        // The catalogue is one org's describe: on standard objects other than User, which the
        // package extends, fields that come with features that org lacked (person accounts,
        // territories, ...) would be reported, so only custom fields and paths are checked there.
        const checksStandardFields = object.custom || object.name === 'User';
        for (const written of select.fields) {
            const field = { ...written, name: resolveAlias(select.aliases, written.name) };
            const first = field.name.split('.')[0] ?? field.name;
            if (checksStandardFields || isCustomName(first) || /__r$/i.test(first)) {
                report(field, objects.checkField(object.name, field.name));
            }
        }
    }
    for (const subquery of select.subqueries) {
        if (subquery.kind === 'semi-join') {
            checkSelect(subquery, objects, report);
        }
    }
}
