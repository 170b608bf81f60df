import { ScenarioError } from '../../errors';
import { MESSAGES } from '../../messages';
import { normalizeId } from '../../org';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../../schema';
import type { FieldValues, LimitUsage, Scalar } from '../../types';
import type { DataSet, Place, RecordExpectation, Scenario, Step, StepExpectation } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const OPERATIONS = ['insert', 'update', 'upsert', 'delete'] as const;
/** What a record list is for: which fields may be given depends on it. */
type Use = 'data' | 'expect' | (typeof OPERATIONS)[number];
const LIMIT_NAMES: readonly (keyof LimitUsage)[] = [
    'soqlQueries',
    'queryRows',
    'dmlStatements',
    'dmlRows'
];

/**
 * Reads a scenario file. Every object and field it names must exist in the org's schema and
 * every value must fit its field, or a ScenarioError names the place (`file: steps[1].records[0]
 * .Email__c`). Flow files are only named here; the caller loads them.
 */
export function parseScenario(text: string, file: string, schema: OrgSchema): Scenario {
    return new ScenarioReader(file, schema).read(parseJson(text, file));
}

/** Reads only the `data` of a scenario-style file (the org data of FlowTests). */
export function parseDataFile(text: string, file: string, schema: OrgSchema): DataSet[] {
    const root = parseJson(text, file);
    const reader = new ScenarioReader(file, schema);
    return reader.data(reader.object(root, file), file);
}

function parseJson(text: string, file: string): Json {
    try {
        return JSON.parse(text) as Json;
    } catch (error: unknown) {
        const message = error instanceof Error ? error.message : String(error);
        const position = /position (\d+)/.exec(message)?.[1];
        const offset = position === undefined ? text.length : Number(position);
        const before = text.slice(0, offset).split('\n');
        throw new ScenarioError(
            `${file}:${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`,
            MESSAGES.badJson(message),
            { cause: error }
        );
    }
}

class ScenarioReader {
    public constructor(
        private readonly file: string,
        private readonly schema: OrgSchema
    ) {}

    private at(path: string): Place {
        return `${this.file}: ${path}`;
    }

    public read(json: Json): Scenario {
        const root = this.object(json, this.at('(top level)'));
        this.keys(root, ['description', 'flows', 'data', 'steps', 'expect'], '(top level)');
        const flows = root['flows'];
        const steps = this.array(root['steps'] ?? [], 'steps');
        return {
            file: this.file,
            description: this.string(root['description'] ?? '', 'description'),
            ...(flows === undefined
                ? {}
                : {
                      flows: this.array(flows, 'flows').map((path, index) => ({
                          path: this.string(path, `flows[${index}]`),
                          place: this.at(`flows[${index}]`)
                      }))
                  }),
            data: this.data(root, ''),
            steps: steps.map((step, index) => this.step(step, `steps[${index}]`)),
            expect: this.expectations(root['expect'])
        };
    }

    public data(root: JsonObject, prefix: string): DataSet[] {
        const data = root['data'];
        if (data === undefined) {
            return [];
        }
        return Object.entries(this.object(data, this.at('data'))).map(([name, records]) => {
            const path = `${prefix ? `${prefix}.` : ''}data.${name}`;
            const object = this.schema.object(name, this.at(path));
            return {
                object,
                place: this.at(path),
                records: this.records(records, object, path, 'data')
            };
        });
    }

    private step(json: Json, path: string): Step {
        const step = this.object(json, this.at(path));
        this.keys(
            step,
            [
                ...OPERATIONS,
                'records',
                'matchBy',
                'externalId',
                'allOrNone',
                'description',
                'expect'
            ],
            path
        );
        const operations = OPERATIONS.filter((operation) => operation in step);
        const operation = operations[0];
        if (!operation || operations.length > 1) {
            throw new ScenarioError(this.at(path), MESSAGES.stepOperation);
        }
        const named = this.schema.object(
            this.string(step[operation] ?? null, `${path}.${operation}`),
            this.at(`${path}.${operation}`)
        );
        // An upsert may create records too.
        const object =
            operation === 'insert' || operation === 'upsert'
                ? this.schema.insertable(named, this.at(`${path}.${operation}`))
                : named;
        const matchBy = this.schema.field(
            object,
            this.string(step['matchBy'] ?? 'Id', `${path}.matchBy`),
            this.at(`${path}.matchBy`)
        );
        const externalIdName = step['externalId'];
        const externalId =
            operation === 'upsert'
                ? this.schema.field(
                      object,
                      this.string(externalIdName ?? null, `${path}.externalId`),
                      this.at(`${path}.externalId`)
                  )
                : undefined;
        if (externalId && !externalId.externalId && externalId.name !== 'Id') {
            throw new ScenarioError(
                this.at(`${path}.externalId`),
                MESSAGES.notExternalId(object.name, externalId.name)
            );
        }
        const records = this.records(step['records'] ?? null, object, `${path}.records`, operation);
        if (records.length === 0) {
            throw new ScenarioError(this.at(`${path}.records`), MESSAGES.noRecords);
        }
        const key =
            operation === 'upsert' ? externalId : operation === 'insert' ? undefined : matchBy;
        records.forEach((record, index) => {
            if (key && (record[key.name] ?? null) === null) {
                throw new ScenarioError(
                    this.at(`${path}.records[${index}]`),
                    MESSAGES.missingKey(key.name, operation)
                );
            }
        });
        const description = step['description'];
        return {
            place: this.at(path),
            ...(description === undefined
                ? {}
                : { description: this.string(description, `${path}.description`) }),
            operation,
            object,
            records,
            matchBy,
            ...(externalId ? { externalId } : {}),
            allOrNone: this.boolean(step['allOrNone'] ?? true, `${path}.allOrNone`),
            expect: this.stepExpectation(step['expect'], `${path}.expect`)
        };
    }

    private stepExpectation(json: Json | undefined, path: string): StepExpectation {
        if (json === undefined) {
            return { ok: true };
        }
        const expect = this.object(json, this.at(path));
        this.keys(expect, ['ok', 'error', 'interviews', 'limits'], path);
        const error = expect['error'];
        const interviews = expect['interviews'];
        const limitsJson = expect['limits'];
        const limits: Partial<LimitUsage> = {};
        if (limitsJson !== undefined) {
            const object = this.object(limitsJson, this.at(`${path}.limits`));
            this.keys(object, LIMIT_NAMES, `${path}.limits`);
            for (const name of LIMIT_NAMES) {
                const value = object[name];
                if (value !== undefined) {
                    limits[name] = this.number(value, `${path}.limits.${name}`);
                }
            }
        }
        return {
            ok: this.boolean(expect['ok'] ?? error === undefined, `${path}.ok`),
            ...(error === undefined ? {} : { error: this.string(error, `${path}.error`) }),
            ...(interviews === undefined
                ? {}
                : { interviews: this.number(interviews, `${path}.interviews`) }),
            ...(limitsJson === undefined ? {} : { limits })
        };
    }

    private expectations(json: Json | undefined): RecordExpectation[] {
        if (json === undefined) {
            return [];
        }
        return Object.entries(this.object(json, this.at('expect'))).flatMap(([name, list]) => {
            const object = this.schema.object(name, this.at(`expect.${name}`));
            return this.array(list, `expect.${name}`).map((item, index) => {
                const path = `expect.${name}[${index}]`;
                const expectation = this.object(item, this.at(path));
                this.keys(expectation, ['where', 'fields', 'count'], path);
                const count = expectation['count'];
                return {
                    place: this.at(path),
                    object,
                    where: this.values(
                        expectation['where'] ?? {},
                        object,
                        `${path}.where`,
                        'expect'
                    ),
                    fields: this.values(
                        expectation['fields'] ?? {},
                        object,
                        `${path}.fields`,
                        'expect'
                    ),
                    ...(count === undefined ? {} : { count: this.number(count, `${path}.count`) })
                };
            });
        });
    }

    /**
     * A list of records. An item `{"repeat": N, "record": {...}}` stands for N records, with
     * `{n}` in its text values replaced by 1..N: bulk scenarios stay readable.
     */
    private records(json: Json, object: ObjectSchema, path: string, use: Use): FieldValues[] {
        return this.array(json, path).flatMap((item, index) => {
            const itemPath = `${path}[${index}]`;
            const repeat =
                typeof item === 'object' &&
                item !== null &&
                !Array.isArray(item) &&
                'repeat' in item
                    ? item
                    : undefined;
            if (!repeat) {
                return [this.values(item, object, itemPath, use)];
            }
            this.keys(repeat, ['repeat', 'record'], itemPath);
            const count = this.number(repeat['repeat'] ?? null, `${itemPath}.repeat`);
            const template = repeat['record'] ?? null;
            return Array.from({ length: count }, (_, n) => {
                const record = Object.fromEntries(
                    Object.entries(this.object(template, this.at(`${itemPath}.record`))).map(
                        ([name, value]) => [
                            name,
                            typeof value === 'string'
                                ? value.split('{n}').join(String(n + 1))
                                : value
                        ]
                    )
                );
                return this.values(record, object, `${itemPath}.record`, use);
            });
        });
    }

    /** A record's field values, each checked against its field. */
    private values(json: Json, object: ObjectSchema, path: string, use: Use): FieldValues {
        const values: FieldValues = {};
        for (const [name, value] of Object.entries(this.object(json, this.at(path)))) {
            const field = this.schema.field(object, name, this.at(path));
            const writable =
                field.writable || (field.name === 'Id' && use !== 'insert' && use !== 'upsert');
            if (!writable && use !== 'expect') {
                throw new ScenarioError(
                    this.at(`${path}.${name}`),
                    MESSAGES.fieldNotWritable(object.name, field.name)
                );
            }
            values[field.name] = this.fieldValue(value, field, `${path}.${name}`);
        }
        return values;
    }

    private fieldValue(value: Json, field: FieldSchema, path: string): Scalar {
        if (value === null) {
            return null;
        }
        const fail = (): never => {
            throw new ScenarioError(
                this.at(path),
                MESSAGES.badFieldValue(field.name, field.type, value)
            );
        };
        switch (field.type) {
            case 'checkbox':
                return typeof value === 'boolean' ? value : fail();
            case 'number':
                return typeof value === 'number' ? value : fail();
            case 'id':
            case 'reference':
                return typeof value === 'string' && normalizeId(value) ? value : fail();
            case 'date':
                return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
                    ? value
                    : fail();
            case 'datetime':
                return typeof value === 'string' && !Number.isNaN(Date.parse(value))
                    ? value
                    : fail();
            default:
                return typeof value === 'string' ? value : fail();
        }
    }

    private keys(object: JsonObject, allowed: readonly string[], path: string): void {
        const unknown = Object.keys(object).find((key) => !allowed.includes(key));
        if (unknown !== undefined) {
            throw new ScenarioError(this.at(path), MESSAGES.unknownKey(unknown, allowed));
        }
    }

    public object(json: Json, place: Place): JsonObject {
        if (typeof json !== 'object' || json === null || Array.isArray(json)) {
            throw new ScenarioError(place, MESSAGES.expected('an object', json));
        }
        return json;
    }

    private array(json: Json, path: string): Json[] {
        if (!Array.isArray(json)) {
            throw new ScenarioError(this.at(path), MESSAGES.expected('a list', json));
        }
        return json;
    }

    private string(json: Json, path: string): string {
        if (typeof json !== 'string') {
            throw new ScenarioError(this.at(path), MESSAGES.expected('text', json));
        }
        return json;
    }

    private number(json: Json, path: string): number {
        if (typeof json !== 'number') {
            throw new ScenarioError(this.at(path), MESSAGES.expected('a number', json));
        }
        return json;
    }

    private boolean(json: Json, path: string): boolean {
        if (typeof json !== 'boolean') {
            throw new ScenarioError(this.at(path), MESSAGES.expected('true or false', json));
        }
        return json;
    }
}
