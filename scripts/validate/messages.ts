import type { ReferenceProblem } from './model/flow';
import type { UnknownCheck } from './model/objects';

/**
 * Every message the validator shows, in one place: what is wrong (`message`) and what to do
 * (`fix`). The file, line and element path travel beside them in the finding.
 */
export interface Text {
    readonly message: string;
    readonly fix: string;
}

/** Where the platform's fields that the catalogue of standard objects lacks are listed. */
const PLATFORM_FIELDS_FILE = 'scripts/project/objects/platform.ts';

function reason(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

function list(values: readonly string[], limit = 12): string {
    const shown = values.slice(0, limit).join(', ');
    return values.length > limit ? `${shown}, … (${values.length} values)` : shown;
}

function unknownObjectOrField(check: UnknownCheck): Text {
    if (check.status === 'unknown-object') {
        return {
            message: `\`${check.object}\` is neither an object of the project nor a standard object the validator knows.`,
            fix: /__[a-z]+$/i.test(check.object)
                ? `Fix the name, or add objects/${check.object}/${check.object}.object-meta.xml.`
                : "Check the name: Salesforce's catalogue of standard objects (apex-dev-tools' sobject-types jar, installed with @salesforce/code-analyzer-pmd-engine) has no such object either, but it holds one release's objects of one org's features, so an object of a newer release or of a feature it lacks is named here too."
        };
    }
    const { object, field } = check;
    if (object === '') {
        return {
            message: `\`${field}\` is not of the form Object.Field.`,
            fix: 'Write the field as Object.Field, e.g. User.Email.'
        };
    }
    if (/__r$/i.test(field)) {
        const lookup = `${field.slice(0, -3)}__c`;
        return {
            message: `\`${field}\` is no relationship of ${object}: the project has no lookup field ${object}.${lookup}.`,
            fix: `Fix the name, or add objects/${object}/fields/${lookup}.field-meta.xml.`
        };
    }
    if (/__c$/i.test(field)) {
        return {
            message: `\`${object}.${field}\` does not exist: the project has no objects/${object}/fields/${field}.field-meta.xml.`,
            fix: `Fix the field name, or add the field to the project.`
        };
    }
    return {
        message: `\`${object}.${field}\` is neither a custom field of the project nor a standard field the validator knows.`,
        fix: `Check the field name: Salesforce's catalogue of standard objects has no such field either, but a field of a newer release or of an org feature the catalogue's org lacked is named here too; such a field belongs in ${PLATFORM_FIELDS_FILE}, with the documentation that says so.`
    };
}

const FLOW_SCANNER_FIXES: Readonly<Record<string, string>> = {
    ActionCallsInLoop:
        'Move the action out of the loop: collect its inputs in the loop and call it once after the loop.',
    APIVersion: "Raise the flow's <apiVersion> to what .flow-scanner.json expects.",
    AutoLayout: 'Switch the flow to Auto-Layout in Flow Builder.',
    CopyAPIName: 'Rename the copied element (an API name such as X_0) to say what it does.',
    CyclomaticComplexity:
        'Simplify the decisions and loops, or move part of the logic to a subflow.',
    DMLStatementInLoop:
        'Move the Create/Update/Delete Records out of the loop: collect the records and write them once after it.',
    DuplicateDMLOperation:
        'Make sure a user going back through screens cannot repeat the database write.',
    FlowDescription: 'Add a <description> saying what the flow does and when it runs.',
    FlowName:
        'Rename the flow to the convention (Object_Purpose), unless the product fixes its name.',
    GetRecordAllFields:
        'Store only the fields the flow uses (queriedFields) instead of all fields.',
    HardcodedId:
        'Replace the record Id with a Get Records, custom metadata, a custom label or an input variable.',
    HardcodedUrl: 'Build the URL from $Api or custom metadata instead of writing the instance URL.',
    InactiveFlow: 'Activate the flow (<status>Active</status>) or delete it.',
    MissingFaultPath: 'Add a fault connector to an element that handles or reports the failure.',
    MissingNullHandler:
        'Add a Decision after the Get Records that checks the result IsNull false before using it.',
    ProcessBuilder: 'Migrate the process to a record-triggered flow.',
    RecursiveAfterUpdate:
        'Set the fields of $Record in a before-save flow, or add entry conditions that stop the update from starting the flow again.',
    SameRecordFieldUpdates:
        'Assign the fields of $Record in a before-save flow instead of updating it.',
    SOQLQueryInLoop: 'Move the Get Records before the loop and filter the result in the loop.',
    TriggerOrder: 'Set <triggerOrder> on the record-triggered flow.',
    UnconnectedElement: 'Connect the element to the flow, or delete it.',
    UnsafeRunningContext:
        'Run the flow in system mode with sharing, or in default mode; bypass sharing only where a description says why.',
    UnusedVariable: 'Use the variable or delete it.'
};

export const messages = {
    usage: {
        unknownRule: (id: string, known: readonly string[]): string =>
            `There is no rule ${id}: use one of ${known.join(', ')}.`
    },

    ruleFailed: (rule: string, error: unknown): Text => ({
        message: `The ${rule} check could not run: ${reason(error)}`,
        fix: 'Fix the cause above and run again; if it is not in the project, report it with this output.'
    }),

    xml: {
        notWellFormed: (why: string): Text => ({
            message: `Not well-formed XML: ${why}`,
            fix: 'Fix the XML at this line and column; no other check can read the file until then.'
        })
    },

    metadataType: {
        missingPackageDirectory: (directory: string): Text => ({
            message: `The package directory ${directory} that sfdx-project.json lists does not exist.`,
            fix: `Create ${directory}, or remove it from packageDirectories.`
        }),
        unknownType: (why: string): Text => ({
            message: `No metadata type claims this file (${why}): a deploy silently leaves it out.`,
            fix: 'Give it the folder and suffix of its metadata type (e.g. classes/Name.cls), or list it in .forceignore if it must not deploy.'
        })
    },

    apexMetaXml: {
        missingMetaXml: (file: string): Text => ({
            message: `${file.split('/').pop() ?? file} has no -meta.xml: source-deploy-retrieve silently drops it from the deploy.`,
            fix: `Add ${file}-meta.xml with <apiVersion> and <status>Active</status>.`
        }),
        missingSource: (file: string): Text => ({
            message: `${file.split('/').pop() ?? file} describes Apex that is not there.`,
            fix: `Add ${file.replace(/-meta\.xml$/, '')}, or delete this file.`
        })
    },

    schema: {
        wrongRoot: (actual: string, expected: string): Text => ({
            message: `The root element is <${actual}>, but the file's folder and suffix make it a ${expected}.`,
            fix: `Make the root element <${expected}>, or give the file the folder and suffix of a ${actual}.`
        }),
        emptyEnum: (name: string, type: string): Text => ({
            message: `<${name}> is empty, which is no value of ${type}: the Metadata API reads it as no value, as retrieves write it.`,
            fix: `Remove <${name}></${name}>, or write one of the values of ${type}.`
        }),
        namespace: (root: string, namespace: string): Text => ({
            message: `<${root}> does not declare the Metadata API namespace.`,
            fix: `Write <${root} xmlns="${namespace}">.`
        }),
        unknownElement: (name: string, type: string, suggestion: string | undefined): Text => ({
            message: `<${name}> is not an element of ${type} in the Metadata API schema of @salesforce/types, which lacks some elements the API accepts.`,
            fix: suggestion
                ? `Did you mean <${suggestion}>? If <${name}> is what Salesforce writes (a retrieve or Setup saved it), keep it.`
                : `Remove <${name}> or move it to the element it belongs to, unless Salesforce writes it there (a retrieve or Setup saved it).`
        }),
        repeated: (name: string, type: string): Text => ({
            message: `<${name}> appears more than once, but ${type} allows it once.`,
            fix: `Keep one <${name}>.`
        }),
        notContiguous: (name: string): Text => ({
            message: `<${name}> is repeated with other elements in between; the Metadata API wants repeated elements together.`,
            fix: `Move this <${name}> next to the other <${name}> elements.`
        }),
        outOfOrder: (
            name: string,
            anchor: { readonly after: string } | { readonly before: string },
            type: string
        ): Text => ({
            message: `<${name}> is out of the schema order of ${type} (inherited elements first, then alphabetical).`,
            fix:
                'after' in anchor
                    ? `Move <${name}> after <${anchor.after}>.`
                    : `Move <${name}> before <${anchor.before}>.`
        }),
        missingRequired: (name: string, type: string): Text => ({
            message: `${type} requires <${name}> in the Metadata API schema of @salesforce/types, and it is missing.`,
            fix: `Add <${name}>, unless Salesforce itself writes ${type} without it (a retrieve or Setup saved the file).`
        }),
        textInComplex: (name: string, type: string): Text => ({
            message: `<${name}> holds text, but its type ${type} has child elements.`,
            fix: `Write the value of <${name}> as its child elements.`
        }),
        childrenInValue: (name: string): Text => ({
            message: `<${name}> holds elements, but it takes a single value.`,
            fix: `Write a plain value in <${name}>.`
        }),
        enumValue: (
            name: string,
            value: string,
            enumName: string,
            values: readonly string[]
        ): Text => ({
            message: `<${name}> is "${value}", which is not a value of ${enumName} in the Metadata API schema of @salesforce/types.`,
            fix: `Use one of: ${list(values)}; unless a newer release added "${value}".`
        }),
        booleanValue: (name: string, value: string): Text => ({
            message: `<${name}> is "${value}", which is not a boolean.`,
            fix: 'Write true or false.'
        }),
        numberValue: (name: string, value: string): Text => ({
            message: `<${name}> is "${value}", which is not a number.`,
            fix: 'Write a number, e.g. 66.0.'
        })
    },

    objects: {
        unknown: unknownObjectOrField,
        unknownComponent: (kind: string, name: string, file: string): Text => ({
            message: `The ${kind} ${name} is not in the project.`,
            fix: `Fix the name, or add ${file}.`
        })
    },

    flow: {
        reference: (reference: string, problem: ReferenceProblem): Text => {
            switch (problem.kind) {
                case 'unknown-name':
                    return {
                        message: `${reference === problem.name ? '' : `\`${reference}\`: `}\`${problem.name}\` is no element, resource or outcome of this flow.`,
                        fix: problem.suggestion
                            ? `Did you mean \`${problem.suggestion}\`? Otherwise add \`${problem.name}\` or fix the reference.`
                            : `Add \`${problem.name}\` to the flow, or fix the reference.`
                    };
                case 'unknown-global':
                    return {
                        message: `\`${reference}\` uses ${problem.name}, which is not a global variable the validator knows.`,
                        fix: `Use one of ${problem.globals.join(', ')}.`
                    };
                case 'unknown-member':
                    return {
                        message: `\`${reference}\`: ${problem.global} has no ${problem.member}.`,
                        fix: `Use one of ${problem.members.map((member) => `${problem.global}.${member}`).join(', ')}.`
                    };
                case 'no-record':
                    return {
                        message: `\`${reference}\` uses ${problem.global}, but the flow starts on no object (<start> has no <object>).`,
                        fix: 'Make it a record-triggered or scheduled flow on an object, or use a record variable.'
                    };
                case 'field': {
                    const text = unknownObjectOrField(problem.check);
                    return { message: `\`${reference}\`: ${text.message}`, fix: text.fix };
                }
            }
        },
        unknownTarget: (target: string, suggestion: string | undefined): Text => ({
            message: `The connector leads to \`${target}\`, which is no element of this flow.`,
            fix: suggestion
                ? `Did you mean \`${suggestion}\`? Otherwise point it at an existing element.`
                : 'Point it at an existing element, or remove the connector.'
        }),
        noStart: (): Text => ({
            message:
                'The flow has elements but no start: neither <start> with a connector nor <startElementReference>.',
            fix: 'Connect <start> to the first element.'
        }),
        unreachable: (name: string): Text => ({
            message: `\`${name}\` cannot be reached from the start: no connector leads to it.`,
            fix: `Connect \`${name}\` to the flow, or delete it and the elements only it leads to.`
        })
    },

    flowTest: {
        unknownFlow: (name: string): Text => ({
            message: `The FlowTest tests \`${name}\`, which is not a flow of the project.`,
            fix: `Fix <flowApiName>, or add flows/${name}.flow-meta.xml.`
        }),
        unknownTestPoint: (point: string, flow: string): Text => ({
            message: `Test point \`${point}\` is neither Start, Finish nor an element of ${flow}.`,
            fix: 'Use Start or Finish, or the API name of an element of the flow.'
        }),
        recordParameter: (left: string, type: string): Text => ({
            message: `A ${type} parameter sets \`${left}\`; it sets the triggering record.`,
            fix: 'Write <leftValueReference>$Record</leftValueReference>.'
        }),
        invalidJson: (why: string): Text => ({
            message: `<sobjectValue> is not valid JSON: ${why}`,
            fix: 'Write the record as JSON: {"attributes":{"type":"Object"},"Field__c":value}.'
        }),
        noRecordType: (): Text => ({
            message: '<sobjectValue> has no attributes.type naming its object.',
            fix: 'Add "attributes":{"type":"Object"} to the record.'
        }),
        wrongRecordType: (type: string, expected: string): Text => ({
            message: `The triggering record is a ${type}, but the flow starts on ${expected}.`,
            fix: `Make attributes.type ${expected}.`
        })
    },

    settings: {
        badSeverity: (key: string, value: string, fallback: string): Text => ({
            message: `plugins.validate.${key} of sfdx-project.json is ${value}, not "error", "warning" or "note".`,
            fix: `Write one of "error", "warning" or "note", or remove the key (the finding is then a ${fallback}).`
        }),
        badThreshold: (value: string): Text => ({
            message: `plugins.validate.apexPmdSeverityThreshold of sfdx-project.json is ${value}, not a PMD severity level from 1 (critical) to 5 (info).`,
            fix: 'Write a whole number from 1 to 5 (2 fails on critical and high findings, as sf code-analyzer run --severity-threshold 2 does), or remove the key (PMD findings are then warnings).'
        })
    },

    permissions: {
        notGranted: (field: string): Text => ({
            message: `No permission set or profile of the project grants read access to ${field}: nobody can see it.`,
            fix: `Add <fieldPermissions> for ${field} with <readable>true</readable> to a permission set.`
        }),
        grantsRequired: (field: string, masterDetail: boolean): Text => ({
            message: `Grants ${field}, a ${masterDetail ? 'master-detail' : 'required'} field: the Metadata API refuses field permissions on it (it is always visible).`,
            fix: `Remove the <fieldPermissions> for ${field}.`
        }),
        editableNotReadable: (field: string): Text => ({
            message: `${field} is editable but not readable.`,
            fix: 'Make it readable too, or not editable.'
        })
    },

    flowScanner: {
        violation: (violation: {
            rule: string;
            label: string;
            subject: string;
            flow: string;
            isTemplate: boolean;
        }): Text => {
            const exception = `add "${violation.rule}": ["*"] under exceptions.${violation.flow} in .flow-scanner.json`;
            return {
                message: `${violation.label}: ${violation.subject}.`,
                fix:
                    violation.rule === 'InactiveFlow' && violation.isTemplate
                        ? `Template flows ship inactive: ${exception}.`
                        : `${FLOW_SCANNER_FIXES[violation.rule] ?? `Fix it as the ${violation.rule} rule of Lightning Flow Scanner describes.`} If it is intended, ${exception}.`
            };
        },
        unreadable: (why: string): Text => ({
            message: `Lightning Flow Scanner cannot read the flow: ${why}`,
            fix: 'Fix the flow file so that it is a valid Flow.'
        }),
        ruleFailed: (why: string): Text => ({
            message: `A Lightning Flow Scanner rule failed on this flow: ${why}`,
            fix: 'Check the flow around the element named above; report the scanner error if the flow is valid.'
        }),
        badConfig: (why: string): Text => ({
            message: `The Lightning Flow Scanner configuration cannot be read: ${why}`,
            fix: 'Fix the JSON: {"rules": {...}, "exceptions": {...}}.'
        })
    },

    apiVersion: {
        noSourceApiVersion: (): Text => ({
            message:
                'sfdx-project.json declares no sourceApiVersion, so components can drift apart.',
            fix: 'Add "sourceApiVersion": "66.0" (the version the project targets).'
        }),
        mismatch: (actual: string, expected: string): Text => ({
            message: `apiVersion ${actual} differs from sourceApiVersion ${expected} of sfdx-project.json.`,
            fix: `Write <apiVersion>${expected}</apiVersion>, or change sourceApiVersion for the whole project.`
        })
    },

    apex: {
        javaMissing: (why: string): Text => ({
            message: `The Apex checks need Java 17 or later: ${why}.`,
            fix: 'Install a Java 17 JDK (e.g. apt-get install openjdk-17-jdk-headless) and put java on PATH or set JAVA_HOME.'
        }),
        parserFailed: (why: string): Text => ({
            message: `The Apex parser could not run on this file: ${why}`,
            fix: 'Check that prettier-plugin-apex is installed (npm ci); its serializer parses the file.'
        }),
        syntax: (message: string): Text => ({
            message: `Apex syntax error: ${message}`,
            fix: 'Fix the syntax at this line; Salesforce will not compile the file.'
        }),
        checkerFailed: (tool: string, why: string): Text => ({
            message: `${tool} could not check the Apex: ${why}`,
            fix: 'Check the Java installation and that @salesforce/code-analyzer-pmd-engine is installed (npm ci).'
        }),
        semantic: (message: string, platformGap: boolean): Text => {
            const text = message
                .replace(/ expecting \{[^}]*\}$/, '')
                .replace(/ expecting .{80,}$/, '');
            return platformGap
                ? {
                      message: `apex-ls: ${text}`,
                      fix: 'apex-ls does not know every platform type, field and method, and reads files that are not Apex: check this one in an org (a deploy compiles the Apex) before changing the code.'
                  }
                : {
                      message: text,
                      fix: 'Fix the Apex so that it compiles: the types, methods and fields it names must exist and types must match.'
                  };
        },
        pmd: (rule: string, level: number, message: string, url: string | undefined): Text => ({
            message: `${message.trim()} (PMD ${rule}, severity ${level})`,
            fix: `${url ? `See ${url}. ` : ''}Fix the code; if it is intended, add @SuppressWarnings('PMD.${rule}') with a comment saying why, or configure the rule for the whole project in its code-analyzer.yml, with the reason.`
        }),
        codeAnalyzerConfig: (why: string): Text => ({
            message: `PMD cannot run with this Code Analyzer configuration: ${why}`,
            fix: 'Correct the file as Salesforce Code Analyzer documents it (rules.pmd.<Rule>: severity, tags, disabled; engines.pmd.custom_rulesets; ignores; suppressions), or delete it to run with the defaults.'
        })
    }
} as const;
