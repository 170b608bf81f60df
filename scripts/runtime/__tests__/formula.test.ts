import { compileFormula, evaluateFormula, type FormulaContext, type TypedValue } from '../flow';

function context(
    values: Record<string, TypedValue>,
    prior: Record<string, TypedValue> = {},
    isNew = false
): FormulaContext {
    return {
        isNew,
        value: (reference) => values[reference] ?? { value: null, type: 'text' },
        prior: (reference) => prior[reference] ?? { value: null, type: 'text' },
        changed: (reference) =>
            (values[reference]?.value ?? null) !== (prior[reference]?.value ?? null)
    };
}

const text = (value: string | null): TypedValue => ({ value, type: 'text' });
const evaluate = (source: string, ctx: FormulaContext) =>
    evaluateFormula(compileFormula(source), ctx);

describe('flow formulas on formulon', () => {
    it('reads merge fields and concatenates text; a null text is empty', () => {
        expect(
            evaluate(
                '{!$Record.Email__c} & ".invalid"',
                context({ '$Record.Email__c': text('ada@example.com') })
            )
        ).toBe('ada@example.com.invalid');
        expect(
            evaluate(
                '{!$Record.Email__c} & ".invalid"',
                context({ '$Record.Email__c': text(null) })
            )
        ).toBe('.invalid');
    });

    it('supports ISPICKVAL, ISBLANK, NOT, && and || as the template entry formula uses them', () => {
        const formula =
            'ISPICKVAL({!$Record.LinkType__c}, "Profile") && NOT(ISBLANK({!$Record.Email__c})) || {!$Record.IsActive__c}';
        const values = (type: string, email: string | null, active: boolean) =>
            context({
                '$Record.LinkType__c': {
                    value: type,
                    type: 'picklist',
                    picklistValues: ['Profile', 'ManagedEvent']
                },
                '$Record.Email__c': text(email),
                '$Record.IsActive__c': { value: active, type: 'checkbox' }
            });
        expect(evaluate(formula, values('Profile', 'a@b.c', false))).toBe(true);
        expect(evaluate(formula, values('ManagedEvent', 'a@b.c', false))).toBe(false);
        expect(evaluate(formula, values('Profile', null, false))).toBe(false);
        expect(evaluate(formula, values('ManagedEvent', null, true))).toBe(true);
    });

    it('handles ISNEW, ISCHANGED and PRIORVALUE itself: formulon has none of them', () => {
        const values = { '$Record.Url__c': text('https://new') };
        const prior = { '$Record.Url__c': text('https://old') };
        expect(evaluate('ISNEW()', context({}, {}, true))).toBe(true);
        expect(evaluate('ISNEW()', context(values, prior))).toBe(false);
        expect(evaluate('ISCHANGED({!$Record.Url__c})', context(values, prior))).toBe(true);
        expect(evaluate('ISCHANGED({!$Record.Url__c})', context(values, values))).toBe(false);
        // ISCHANGED is false for every field of a new record.
        expect(evaluate('ISCHANGED({!$Record.Url__c})', context(values, {}, true))).toBe(false);
        expect(
            evaluate(
                'PRIORVALUE({!$Record.Url__c}) & " -> " & {!$Record.Url__c}',
                context(values, prior)
            )
        ).toBe('https://old -> https://new');
    });

    it('leaves string literals alone', () => {
        expect(evaluate('"ISNEW() and {!x}"', context({}))).toBe('ISNEW() and {!x}');
    });

    it('evaluates only the branch IF takes, and numbers and comparisons through formulon', () => {
        const amount = (value: number | null): TypedValue => ({ value, type: 'number' });
        expect(evaluate('IF({!n} > 2, "big", "small")', context({ n: amount(3) }))).toBe('big');
        expect(evaluate('{!n} * 2 + 1', context({ n: amount(2.5) }))).toBe(6);
        expect(evaluate('BLANKVALUE({!t}, "none")', context({ t: text(null) }))).toBe('none');
    });

    it('reports syntax errors and names written without merge syntax', () => {
        expect(() => compileFormula('IF(')).toThrow(/does not parse/);
        expect(() => compileFormula('Email__c & "x"')).toThrow(
            'without merge syntax: write {!Email__c}'
        );
    });
});

describe('calls done without formulon agree with formulon', () => {
    const picklist = (value: string | null): TypedValue => ({
        value,
        type: 'picklist',
        picklistValues: ['Profile', 'ManagedEvent']
    });
    it.each([
        ['ISBLANK({!t})', { t: text('') }, true],
        ['ISBLANK({!t})', { t: text(' ') }, false],
        ['ISBLANK({!t})', { t: text(null) }, true],
        ['ISPICKVAL({!p}, "Profile")', { p: picklist('Profile') }, true],
        ['ISPICKVAL({!p}, "profile")', { p: picklist('Profile') }, false],
        ['ISPICKVAL({!p}, "")', { p: picklist(null) }, false],
        ['{!t} & "x"', { t: text('a') }, 'ax']
    ])('%s', (source, values, expected) => {
        expect(evaluate(source, context(values))).toBe(expected);
        // The same call with an argument type the fast path does not take goes to formulon.
        expect(evaluate(`IF(TRUE, ${source}, ${source})`, context(values))).toBe(expected);
    });
});
