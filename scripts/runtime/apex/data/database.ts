import {
    IdValue,
    ListValue,
    PlatformValue,
    type ApexType,
    type DmlRowError,
    type Value
} from '../model';
import { UnsupportedError } from '../errors';
import type { Transaction } from '../../org';
import type { ApexServices, CallSite, PlatformClass, PlatformMethod } from '../services';
import { T } from '../types';
import { method } from '../platform/define';
import type { AccessMode, ApexData } from './bridge';
import { runDml, type ApexDmlOperation, type RowOutcome } from './dml';

/**
 * The Database class's DML methods (RG "Database Class"): insert, update, upsert and delete of a
 * record or a list, all-or-none by default or with partial success, in system or user mode
 * (System.AccessLevel), and their results: SaveResult, UpsertResult, DeleteResult and
 * Database.Error (RG "Database Namespace").
 */

const ACCESS_LEVEL = 'System.AccessLevel';
const SAVE_RESULT = 'Database.SaveResult';
const UPSERT_RESULT = 'Database.UpsertResult';
const DELETE_RESULT = 'Database.DeleteResult';
const ERROR = 'Database.Error';

const RESULT_OF: Readonly<Record<ApexDmlOperation, string>> = {
    insert: SAVE_RESULT,
    update: SAVE_RESULT,
    upsert: UPSERT_RESULT,
    delete: DELETE_RESULT
};

const modeOf = (value: Value): AccessMode =>
    ((value as PlatformValue).state as { mode: AccessMode }).mode;

const outcomeOf = (value: Value): RowOutcome =>
    (value as PlatformValue).state as unknown as RowOutcome;
const errorOf = (value: Value): DmlRowError =>
    (value as PlatformValue).state as unknown as DmlRowError;

/**
 * The overloads of one DML method: (records), (records, allOrNone), (records, accessLevel),
 * (records, allOrNone, accessLevel). A list gives a list of results, a record one result.
 */
function dmlMethods(data: ApexData, operation: ApexDmlOperation): PlatformMethod[] {
    const resultType = T.platform(RESULT_OF[operation]);
    const returns = (_receiver: ApexType | undefined, args: readonly ApexType[]): ApexType =>
        args[0]?.kind === 'list' ? T.list(resultType) : resultType;
    const run = (
        target: Value,
        allOrNone: Value,
        mode: AccessMode,
        site: CallSite,
        list: boolean
    ): Value => {
        const outcomes = runDml(data, site.vm, operation, target, {
            allOrNone: allOrNone !== false,
            mode,
            place: site.place
        });
        const results = outcomes.map(
            (outcome) =>
                new PlatformValue(
                    RESULT_OF[operation],
                    outcome as unknown as Record<string, unknown>
                )
        );
        return list ? new ListValue(resultType, results) : (results[0] ?? null);
    };
    const isList = (site: CallSite): boolean => site.argumentTypes[0]?.kind === 'list';
    const accessLevel = T.platform(ACCESS_LEVEL);
    // Up to API 66.0 database operations run in system mode unless told otherwise (APEX.md §12).
    return [
        method(operation, ['any'], returns, (_self, [target = null], site) =>
            run(target, true, 'system', site, isList(site))
        ),
        method(
            operation,
            ['any', T.boolean],
            returns,
            (_self, [target = null, allOrNone = null], site) =>
                run(target, allOrNone, 'system', site, isList(site))
        ),
        method(
            operation,
            ['any', accessLevel],
            returns,
            (_self, [target = null, level = null], site) =>
                run(target, true, modeOf(level), site, isList(site))
        ),
        method(
            operation,
            ['any', T.boolean, accessLevel],
            returns,
            (_self, [target = null, allOrNone = null, level = null], site) =>
                run(target, allOrNone, modeOf(level), site, isList(site))
        )
    ];
}

const resultMethods = (extra: readonly PlatformMethod[] = []): PlatformMethod[] => [
    method('getId', [], T.id, (self) => {
        const id = outcomeOf(self).id;
        return id ? new IdValue(id) : null;
    }),
    method('isSuccess', [], T.boolean, (self) => outcomeOf(self).success),
    method(
        'getErrors',
        [],
        T.list(T.platform(ERROR)),
        (self) =>
            new ListValue(
                T.platform(ERROR),
                outcomeOf(self).errors.map(
                    (error) => new PlatformValue(ERROR, error as unknown as Record<string, unknown>)
                )
            )
    ),
    ...extra
];

/** A Savepoint of a transaction: where its undo journal stood, and whether it may still be used. */
interface SavepointState {
    readonly transaction: Transaction;
    readonly position: number;
    /** The org's job records then: a rollback may not undo a queued or scheduled job. */
    readonly jobs: number;
    valid: boolean;
}

const SAVEPOINT = 'System.Savepoint';
const savepointsOf = new WeakMap<Transaction, SavepointState[]>();
const jobCount = (transaction: Transaction): number =>
    transaction.store.count('AsyncApexJob') + transaction.store.count('CronTrigger');

/**
 * Database.setSavepoint and Database.rollback (DG "Transaction Control"): each counts as a DML
 * statement; a rollback undoes the records saved since its savepoint, not static variables nor
 * the Ids set on records, and makes the savepoints set after it invalid.
 */
function savepointMethods(data: ApexData): PlatformMethod[] {
    return [
        method('setSavepoint', [], T.platform(SAVEPOINT), () => {
            const transaction = data.transaction();
            transaction.limits.dml(0);
            const state: SavepointState = {
                transaction,
                position: transaction.store.savepoint(),
                jobs: jobCount(transaction),
                valid: true
            };
            const list = savepointsOf.get(transaction) ?? [];
            list.push(state);
            savepointsOf.set(transaction, list);
            return new PlatformValue(SAVEPOINT, state as unknown as Record<string, unknown>);
        }),
        method('rollback', [T.platform(SAVEPOINT)], T.void, (_self, [savepoint = null], site) => {
            if (savepoint === null) {
                // [verify in an org: the message of a rollback to null]
                return site.vm.raise('NullPointerException', 'Argument cannot be null.');
            }
            const state = (savepoint as PlatformValue).state as unknown as SavepointState;
            const transaction = data.transaction();
            if (state.transaction !== transaction || !state.valid) {
                // DG: using such a savepoint is "a runtime error", whose text it does not give.
                throw new UnsupportedError(
                    site.place,
                    state.valid
                        ? 'Database.rollback to a savepoint of another transaction'
                        : 'Database.rollback to a savepoint an earlier rollback made invalid'
                );
            }
            if (jobCount(transaction) !== state.jobs) {
                throw new UnsupportedError(
                    site.place,
                    'Database.rollback past a job queued or scheduled after its savepoint'
                );
            }
            transaction.limits.dml(0);
            transaction.store.rollbackTo(state.position);
            const list = savepointsOf.get(transaction) ?? [];
            list.slice(list.indexOf(state) + 1).forEach((later) => {
                later.valid = false;
            });
            return null;
        })
    ];
}

export function databaseClasses(data: ApexData, services: ApexServices): PlatformClass[] {
    const statusCode = services.findType(['System', 'StatusCode'], undefined) ?? T.object;
    return [
        {
            name: 'Database.Database',
            names: ['database', 'system.database'],
            staticMethods: [
                ...dmlMethods(data, 'insert'),
                ...dmlMethods(data, 'update'),
                ...dmlMethods(data, 'upsert'),
                ...dmlMethods(data, 'delete'),
                ...savepointMethods(data)
            ]
        },
        { name: SAVEPOINT, names: ['savepoint', 'system.savepoint'], instanceMethods: [] },
        {
            name: ACCESS_LEVEL,
            names: ['accesslevel', 'system.accesslevel'],
            staticProperties: [
                {
                    name: 'USER_MODE',
                    type: T.platform(ACCESS_LEVEL),
                    get: () => new PlatformValue(ACCESS_LEVEL, { mode: 'user' })
                },
                {
                    name: 'SYSTEM_MODE',
                    type: T.platform(ACCESS_LEVEL),
                    get: () => new PlatformValue(ACCESS_LEVEL, { mode: 'system' })
                }
            ],
            instanceMethods: []
        },
        { name: SAVE_RESULT, names: ['database.saveresult'], instanceMethods: resultMethods() },
        {
            name: UPSERT_RESULT,
            names: ['database.upsertresult'],
            instanceMethods: resultMethods([
                method('isCreated', [], T.boolean, (self) => outcomeOf(self).created)
            ])
        },
        { name: DELETE_RESULT, names: ['database.deleteresult'], instanceMethods: resultMethods() },
        {
            name: ERROR,
            names: ['database.error'],
            instanceMethods: [
                method('getMessage', [], T.string, (self) => errorOf(self).message),
                method('getStatusCode', [], statusCode, (self, _args, site) =>
                    site.vm.enumValue('StatusCode', errorOf(self).statusCode)
                ),
                method(
                    'getFields',
                    [],
                    T.list(T.string),
                    (self) => new ListValue(T.string, [...errorOf(self).fields])
                )
            ]
        }
    ];
}
