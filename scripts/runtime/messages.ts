import type { RecordError } from './errors';
import type { LimitUsage, Scalar } from './types';

const LIMIT_TEXT: Readonly<Record<keyof LimitUsage, string>> = {
    soqlQueries: 'Too many SOQL queries',
    queryRows: 'Too many query rows',
    dmlStatements: 'Too many DML statements',
    dmlRows: 'Too many DML rows'
};

const OPERATION_TEXT: Readonly<Record<string, string>> = {
    insert: 'Insert',
    update: 'Update',
    upsert: 'Upsert',
    delete: 'Delete'
};

const show = (value: unknown): string =>
    value === undefined ? 'undefined' : JSON.stringify(value);

/**
 * Every message the runtime shows. Platform errors keep the platform's wording and status codes
 * so that an admin recognises them; the runtime's own messages name the file, the element or
 * the scenario place and say what to do. A leaf: it imports no model, callers pass plain values.
 */
export const MESSAGES = {
    // Schema
    unknownObject: (name: string, objects: readonly { readonly name: string }[]): string =>
        `unknown object ${show(name)}; the org has ${objects.map((object) => object.name).join(', ')}.`,
    unknownField: (object: string, field: string): string =>
        `unknown field ${show(field)} on ${object}: add it to the project's metadata or fix the name.`,
    missingObjectFile: (name: string): string =>
        `fields are defined for ${name} but its ${name}.object-meta.xml is missing: add it, or leave ${name} out of the run.`,
    unsupportedField: (object: string, field: string, reason: string): string =>
        `${object}.${field} ${reason}: not supported by the embedded org, which stores text, numbers, checkboxes, dates, date-times, picklists and lookups. Leave the field out of the flow, scenario or FlowTest, or try it in an org.`,
    unfilledSetupField: (object: string, field: string, filled: readonly string[]): string =>
        `${object}.${field}: the embedded org writes its ${object} records itself and fills only ${filled.join(', ')}`,
    /** Why the embedded org does not store a field, said when a run names it. */
    unsupported: {
        formula: (returnType: string, at: string, reason: string): string =>
            `is a formula field (${returnType || 'no type'}, ${at}) that ${reason}`,
        type: (type: string, at: string): string => `has type ${type || '(none)'} (${at})`,
        formulaDefault: (text: string, at: string, reason: string): string =>
            `has the default value ${show(text)}, a formula (${at}) that ${reason}`,
        globalValueSet: (valueSet: string, at: string): string =>
            `is a restricted picklist of the global value set ${valueSet} (${at}), whose values the embedded org does not read`,
        system: 'is a system field the platform maintains (Object Reference, "System Fields")',
        valueType: (type: string): string =>
            `holds ${type} values (Salesforce's catalogue of standard objects)`
    },
    /** Why the embedded org cannot evaluate a field's formula, said after "that". */
    formulaReason: {
        returnType: (type: string): string =>
            `returns ${type || 'no type'}, a type the embedded org does not compute`,
        otherRecord: (reference: string): string =>
            `reads ${reference}, a field of another record (a cross-object formula)`,
        global: (reference: string): string =>
            `reads ${reference}, a global variable the embedded org does not model`,
        recordField: (reference: string): string =>
            `reads ${reference}: a default value cannot use the fields of the record it fills (Salesforce Help, "Default Field Value Considerations")`,
        functions: (names: readonly string[]): string =>
            `calls ${names.join(', ')}, which the embedded org's formula library (formulon) does not have`,
        clock: 'calls NOW() or TODAY(), whose value changes while the record is stored, and the embedded org computes formula fields when a record is saved',
        blanks: (setting: string): string =>
            `treats blank fields as ${show(setting)}, neither BlankAsZero nor BlankAsBlank`,
        syntax: (message: string): string => `does not parse: ${message}`,
        cycle: 'reads itself, through the formula fields it reads',
        resultType: (dataType: string, type: string): string =>
            `gives a ${dataType} value, which a ${type} field cannot hold`
    },
    formulaFieldFailed: (object: string, field: string, at: string, reason: string): string =>
        `${object}.${field} (${at}) cannot be computed: ${reason}`,
    fieldNotWritable: (object: string, field: string): string =>
        `${object}.${field} is computed by the platform and cannot be written.`,
    badLogic: (text: string, count: number): string =>
        `condition logic ${show(text)} is not valid for ${count} condition(s): use and, or, or numbers 1-${count} with AND, OR, NOT and parentheses.`,

    // Flow files
    notAFlow: (root: string): string =>
        `the root element is <${root}>, not <Flow>: this is not a flow file.`,
    notRecordTriggered: (processType: string | undefined): string =>
        `not a record-triggered flow (processType ${processType ?? '(none)'}, or a start without triggerType): the embedded org runs record-triggered flows only.`,
    unsupportedElement: (kind: string): string =>
        `<${kind}> is not supported by the embedded org, which runs decisions, assignments, loops, Get/Create/Update/Delete Records, custom errors, variables, constants, formulas and text templates.`,
    unknownTarget: (target: string): string =>
        `the connector goes to ${show(target)}, which is not an element of this flow.`,
    missingChild: (element: string, child: string): string => `<${element}> needs a <${child}>.`,
    notOneOf: (child: string, value: string, allowed: readonly string[]): string =>
        `<${child}> is ${show(value)}; the embedded org supports ${allowed.join(', ')}.`,
    badValue: (element: string): string => `<${element}> must hold exactly one value.`,
    unsupportedValue: (kind: string): string =>
        `<${kind}> values are not supported: use elementReference, stringValue, booleanValue, numberValue, dateValue or dateTimeValue.`,
    readOnlyTarget: (target: string): string =>
        `${target} cannot be assigned: only variables and record fields can.`,
    assignmentsWithoutObject: (element: string): string =>
        `<${element}> sets fields with inputAssignments, which needs an <object> (or the triggering record).`,
    constantReference: 'a constant must have a literal value.',
    unknownReference: (reference: string, flowMembers: readonly string[]): string =>
        `${show(reference)} is not a resource of this flow (variable, constant, formula, text template, Get Records output or loop), nor $Record, $Record__Prior, $GlobalConstant or $Flow.${flowMembers.join('/')}.`,
    relationshipPath: (reference: string): string =>
        `${show(reference)} follows a relationship to a related record, which is not supported by the embedded org: query the related record with Get Records, or try the flow in an org.`,
    notARelationship: (reference: string, object: string, name: string): string =>
        `${show(reference)}: ${show(name)} is not a relationship of ${object} (a lookup's relationship name, such as Account or Parent__r).`,
    unwalkableRelationship: (reference: string, reason: string): string =>
        `${show(reference)} follows a relationship that is not supported by the embedded org: ${reason}.`,
    relatedRecordsUnavailable: (reference: string): string =>
        `${show(reference)} reads a related record, which is not supported by the embedded org here (only in record-triggered runs of a scenario or Apex).`,
    unsupportedGlobal: (reference: string, global: string): string =>
        `${show(reference)} reads the global variable ${global}, which is not supported by the embedded org (it resolves $Record, $Record__Prior, $GlobalConstant and $Flow.FaultMessage/CurrentDate/CurrentDateTime): try the flow in an org.`,
    notARecord: (root: string): string => `${root} does not hold a record, so it has no fields.`,
    formulaSyntax: (message: string): string => `the formula does not parse: ${message}`,
    formulaBareName: (name: string): string =>
        `the formula names ${show(name)} without merge syntax: write {!${name}}.`,

    // Flow faults
    notQueried: (object: string, field: string): string =>
        `SObject row was retrieved via SOQL without querying the requested field: ${object}.${field}`,
    writeToNull: (target: string): string =>
        `${target} cannot be set: the record variable is null.`,
    formulaFailed: (name: string, message: string): string =>
        `The formula ${name} could not be evaluated: ${message}`,
    dmlFault: (operation: string, error: RecordError): string =>
        `This error occurred when the flow tried to ${operation} records: ${error.statusCode}: ${error.message.replace(/\.$/, '')}. You can look up ExceptionCode values in the SOAP API Developer Guide.`,
    missingId: (operation: string): string => `Id not specified in an ${operation} call`,
    unhandledFault: (label: string, element: string, message: string): string =>
        `We can't save this record because the "${label}" process failed. Give your Salesforce admin these details. ${element}: ${message}`,

    // Scenarios
    badJson: (message: string): string => `the file is not valid JSON: ${message}`,
    expected: (what: string, value: unknown): string => `expected ${what}, found ${show(value)}.`,
    unknownKey: (key: string, allowed: readonly string[]): string =>
        `unknown key ${show(key)}; a scenario allows ${allowed.join(', ')} here.`,
    stepOperation:
        'a step needs exactly one of "insert", "update", "upsert" or "delete", naming the object.',
    notExternalId: (object: string, field: string): string =>
        `${object}.${field} is not an external ID field: upsert matches on Id or an external ID field.`,
    noRecords: 'a step needs at least one record.',
    missingKey: (field: string, operation: string): string =>
        `the record has no ${field}, which the ${operation} uses to find the record.`,
    badFieldValue: (field: string, type: string, value: unknown): string =>
        `${show(value)} is not a valid value for ${field} (${type}).`,
    flowFileMissing: (path: string): string =>
        `flow file ${show(path)} not found (paths are relative to the project root).`,
    noMatch: (object: string, field: string, value: Scalar): string =>
        `no ${object} has ${field} = ${show(value)}.`,
    manyMatches: (object: string, field: string, value: Scalar, count: number): string =>
        `${count} ${object} records have ${field} = ${show(value)}; matchBy must find exactly one.`,
    partialFailure: (failed: number, total: number, first: string): string =>
        `${failed} of ${total} record(s) failed; first: ${first}`,
    stepFailed: (place: string, error: string | null): string =>
        `${place}: the step failed with ${show(error)}; expected it to succeed (give "expect": {"error": "..."} when it should fail).`,
    stepSucceeded: (place: string): string => `${place}: the step succeeded; expected it to fail.`,
    stepExpectation: (place: string, what: string, actual: unknown, expected: unknown): string =>
        `${place}: ${what} was ${show(actual)}, expected ${show(expected)}.`,
    stepErrorMismatch: (place: string, actual: string | null, expected: string): string =>
        `${place}: the error was ${show(actual)}, expected one containing ${show(expected)}.`,
    countMismatch: (
        place: string,
        object: string,
        where: string,
        actual: number,
        expected: number
    ): string => `${place}: ${actual} ${object} record(s) match ${where}, expected ${expected}.`,
    noRecordMatches: (place: string, object: string, where: string): string =>
        `${place}: no ${object} record matches ${where}.`,
    fieldMismatch: (
        place: string,
        object: string,
        id: Scalar,
        field: string,
        actual: Scalar,
        expected: Scalar
    ): string =>
        `${place}: ${object} ${String(id)}: ${field} is ${show(actual)}, expected ${show(expected)}.`,

    // FlowTests
    notAFlowTest: (root: string): string => `the root element is <${root}>, not <FlowTest>.`,
    unsupportedTestParameter: (type: string): string =>
        `test parameter ${show(type)} is not supported: the embedded org runs InputTriggeringRecordInitial and InputTriggeringRecordUpdated with an sobjectValue.`,
    noTriggeringRecord: 'the Start test point has no InputTriggeringRecordInitial record.',
    entryNotMet:
        "The triggering record doesn't meet the flow's entry conditions, so the flow did not run.",
    flowNotFound: (name: string): string =>
        `the FlowTest is for flow ${show(name)}, which is not in the project.`,

    // Platform errors
    limitExceeded: (limit: keyof LimitUsage, value: number): string =>
        `System.LimitException: ${LIMIT_TEXT[limit]}: ${value}`,
    triggerDepth: (max: number): string =>
        `System.LimitException: Maximum trigger depth exceeded (more than ${max} nested saves).`,
    dmlFailed: (operation: string, row: number, error: RecordError): string =>
        `${OPERATION_TEXT[operation] ?? operation} failed. First exception on row ${row}; first error: ${error.statusCode}, ${error.message}`,
    duplicateExternalId: (field: string, ids: readonly string[]): string =>
        `${field}: more than one record found for external id field: [${ids.join(', ')}]`,
    missingRecord: (object: string, id: Scalar): string =>
        `entity is deleted or not found: ${object} ${show(id)}`,
    requiredField: (field: string): string => `Required fields are missing: [${field}]`,
    tooLong: (field: string, length: number): string =>
        `${field}: data value too large (max length=${length})`,
    // The API's INVALID_EMAIL_ADDRESS text. [verify in an org]
    badEmail: (field: string, value: string): string => `${field}: invalid email address: ${value}`,
    badPicklist: (field: string, value: Scalar): string =>
        `${field}: bad value for restricted picklist field: ${String(value)}`,
    duplicateValue: (field: string, id: string): string =>
        `duplicate value found: ${field} duplicates value on record with id: ${id}`,
    mixedDml: (object: string, other: string): string =>
        `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${object}, original object: ${other}`,
    rolledBack:
        'Record rolled back because not all records were valid and the request was using AllOrNone header'
} as const;
