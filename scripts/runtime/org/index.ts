export { CHUNK_SIZE, normalizeValue, Transaction, WALL_CLOCK } from './dml';
export type { SaveContext, TriggerHandler } from './dml';
export { makeId, normalizeId } from './ids';
export { GOVERNOR_LIMITS, LimitCounter, MAX_TRIGGER_DEPTH } from './limits';
export { evaluateLogic, parseLogic } from './logic';
export type { LogicNode } from './logic';
export { FILTER_OPERATORS, matchesFilter, selectRecords } from './query';
export type {
    FieldPath,
    FilterOperator,
    QueryFilter,
    QueryOperator,
    QuerySpec,
    RecordLookup,
    SortKey
} from './query';
export { matchingIds, RecordStore } from './store';
export type {
    DmlOperation,
    DmlRequest,
    DmlResult,
    TriggerEvent,
    TriggerOperation,
    TriggerRow
} from './types';
