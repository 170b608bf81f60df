import { flowGlobal, FLOW_GLOBALS, globalMembers, MERGE_FIELD, mergeFields } from '..';

describe('merge fields', () => {
    it('are the references between {! and }, trimmed, in order', () => {
        expect(mergeFields('Hi {!$Record.Name}, {! Greeting } {!$Record.Name}')).toEqual([
            '$Record.Name',
            'Greeting',
            '$Record.Name'
        ]);
        expect(mergeFields('no merge field, {not one} nor {!}')).toEqual([]);
    });

    it('hold no brace: the innermost of {!a{!b}} is the merge field', () => {
        expect(mergeFields('{!a{!b}}')).toEqual(['b']);
    });

    it('gives an empty reference for {! }, for the reader to judge', () => {
        expect(mergeFields('{! }')).toEqual(['']);
    });

    it('share one pattern that every use starts afresh', () => {
        const text = '{!x} and {!y}';
        expect([...text.matchAll(MERGE_FIELD)]).toHaveLength(2);
        expect(text.replace(MERGE_FIELD, '?')).toBe('? and ?');
        expect([...text.matchAll(MERGE_FIELD)]).toHaveLength(2);
    });
});

describe('global variables', () => {
    it('are found whatever their case', () => {
        expect(flowGlobal('$record__prior')).toBe('$Record__Prior');
        expect(flowGlobal('$Global')).toBeUndefined();
        expect(FLOW_GLOBALS).toContain('$GlobalConstant');
    });

    it('have fixed members only for $Flow and $GlobalConstant', () => {
        expect(globalMembers('$GlobalConstant')).toEqual(['True', 'False', 'EmptyString']);
        expect(globalMembers('$Flow')).toContain('FaultMessage');
        expect(globalMembers('$User')).toBeUndefined();
    });
});
