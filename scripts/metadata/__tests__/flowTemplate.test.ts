import { child, childText, children, type XmlElement } from '../../xml/parse';
import { generatedNames, generatedXml, only, text } from './generated';

const FLOW_NAME = 'MapUserCalendlyLinkTemplate';
const flow = generatedXml(`flows/${FLOW_NAME}.flow-meta.xml`);
const start = only(flow, 'start');

/** Flow children that are elements with an API name; processMetadataValues only carry settings. */
const elements = flow.children.filter(
    (element) => element.name !== 'processMetadataValues' && child(element, 'name') !== undefined
);
const byName = new Map(elements.map((element) => [text(element, 'name'), element]));

const DATA_ELEMENTS = new Set(['recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes']);
const CONNECTORS = new Set([
    'connector',
    'defaultConnector',
    'faultConnector',
    'nextValueConnector',
    'noMoreValuesConnector'
]);

/** The elements a node leads to, through any of its connectors (fault paths included). */
function successors(node: XmlElement): string[] {
    const targets: string[] = [];
    const visit = (element: XmlElement): void => {
        for (const nested of element.children) {
            if (CONNECTORS.has(nested.name)) {
                targets.push(text(nested, 'targetReference'));
            } else {
                visit(nested);
            }
        }
    };
    visit(node);
    return targets;
}

/** Every element reachable from a loop's next-value path before the path comes back to the loop. */
function loopBody(loop: XmlElement): { visited: XmlElement[]; returnsToLoop: boolean } {
    const loopName = text(loop, 'name');
    const next = child(loop, 'nextValueConnector');
    const queue = next ? [text(next, 'targetReference')] : [];
    const seen = new Set<string>();
    const visited: XmlElement[] = [];
    let returnsToLoop = false;
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        if (name === loopName) {
            returnsToLoop = true;
            continue;
        }
        if (seen.has(name)) {
            continue;
        }
        seen.add(name);
        const node = byName.get(name);
        if (!node) {
            throw new Error(`${loopName} leads to ${name}, which is not an element of the flow.`);
        }
        visited.push(node);
        queue.push(...successors(node));
    }
    return { visited, returnsToLoop };
}

/** True when text, after its opening parenthesis, closes it with its last character. */
function isOneGroup(formula: string): boolean {
    if (!formula.startsWith('(')) {
        return false;
    }
    let depth = 0;
    let quoted = false;
    for (let index = 0; index < formula.length; index++) {
        const character = formula.charAt(index);
        if (character === '"') {
            quoted = !quoted;
        } else if (!quoted && character === '(') {
            depth++;
        } else if (!quoted && character === ')') {
            depth--;
            if (depth === 0) {
                return index === formula.length - 1;
            }
        }
    }
    return false;
}

describe('the MapUserCalendlyLinkTemplate flow', () => {
    it('is a record-triggered after-save flow on CalendlyLink__c, for create and update', () => {
        expect(text(flow, 'processType')).toBe('AutoLaunchedFlow');
        expect(text(start, 'triggerType')).toBe('RecordAfterSave');
        expect(text(start, 'object')).toBe('CalendlyLink__c');
        expect(text(start, 'recordTriggerType')).toBe('CreateAndUpdate');
    });

    it('ships as an inactive template with a trigger order', () => {
        expect(text(flow, 'isTemplate')).toBe('true');
        expect(text(flow, 'status')).not.toBe('Active');
        expect(text(flow, 'triggerOrder')).toMatch(/^\d+$/);
    });

    it('describes the flow and every element', () => {
        expect(text(flow, 'description').trim()).not.toBe('');
        expect(elements.length).toBeGreaterThan(5);
        const undescribed = elements
            .filter((element) => !childText(element, 'description')?.trim())
            .map((element) => text(element, 'name'));
        expect(undescribed).toEqual([]);
    });

    it('gives every Get, Create, Update and Delete Records element a fault path to an element', () => {
        const data = elements.filter((element) => DATA_ELEMENTS.has(element.name));
        expect(data.length).toBeGreaterThan(0);
        const withoutFaultPath = data
            .filter((element) => {
                const fault = child(element, 'faultConnector');
                return !fault || !byName.has(text(fault, 'targetReference'));
            })
            .map((element) => text(element, 'name'));
        expect(withoutFaultPath).toEqual([]);
    });

    it('reaches no Get, Create, Update or Delete Records element inside a loop', () => {
        const loops = children(flow, 'loops');
        expect(loops.length).toBeGreaterThan(0);
        for (const loop of loops) {
            const { visited, returnsToLoop } = loopBody(loop);
            expect(returnsToLoop).toBe(true);
            expect(visited.map((node) => node.name)).toContain('assignments');
            expect(
                visited
                    .filter((node) => DATA_ELEMENTS.has(node.name))
                    .map((node) => text(node, 'name'))
            ).toEqual([]);
        }
    });

    it('starts only for profile links: the entry formula is the link type check AND one group', () => {
        const guard = 'ISPICKVAL({!$Record.LinkType__c}, "Profile") && ';
        const formula = text(start, 'filterFormula');

        expect(formula.startsWith(guard)).toBe(true);
        expect(isOneGroup(formula.slice(guard.length))).toBe(true);
    });

    it('looks users up by email among active users only', () => {
        const lookups = children(flow, 'recordLookups').filter(
            (lookup) => childText(lookup, 'object') === 'User'
        );
        expect(lookups).toHaveLength(1);
        const [lookup] = lookups;
        if (!lookup) {
            throw new Error('No Get Records on User.');
        }
        const filters = children(lookup, 'filters').map((filter) => {
            const value = child(filter, 'value');
            return {
                field: text(filter, 'field'),
                operator: text(filter, 'operator'),
                value: value?.children.map((part) => `${part.name}=${part.text}`).join()
            };
        });
        const isActive = filters.findIndex(
            (filter) =>
                filter.field === 'IsActive' &&
                filter.operator === 'EqualTo' &&
                filter.value === 'booleanValue=true'
        );

        expect(isActive).toBeGreaterThanOrEqual(0);
        expect(filters).toContainEqual({
            field: 'Email',
            operator: 'EqualTo',
            value: 'elementReference=$Record.Email__c'
        });
        // The IsActive filter must hold whatever the email filters say.
        expect(text(lookup, 'filterLogic')).toMatch(
            new RegExp(`^(and|${isActive + 1} AND \\([^()]*\\))$`)
        );
    });
});

describe('the FlowTests of the template', () => {
    const tests = generatedNames('flowtests')
        .map((file) => generatedXml(`flowtests/${file}`))
        .filter((test) => text(test, 'flowApiName') === FLOW_NAME);

    /** `left operator right` for every assertion condition at the end of a test. */
    function finishConditions(test: XmlElement): string[] {
        return children(test, 'testPoints')
            .filter((point) => text(point, 'elementApiName') === 'Finish')
            .flatMap((point) => children(point, 'assertions'))
            .flatMap((assertion) => children(assertion, 'conditions'))
            .map((condition) => {
                const right = child(condition, 'rightValue');
                const value = right?.children.map((part) => part.text).join() ?? '';
                return `${text(condition, 'leftValueReference')} ${text(condition, 'operator')} ${value}`;
            });
    }

    function triggeringRecords(test: XmlElement): Record<string, unknown>[] {
        return children(test, 'testPoints')
            .flatMap((point) => children(point, 'parameters'))
            .filter((parameter) => text(parameter, 'leftValueReference') === '$Record')
            .map((parameter) => {
                const value = child(parameter, 'value');
                return JSON.parse(value ? text(value, 'sobjectValue') : '{}') as Record<
                    string,
                    unknown
                >;
            });
    }

    const updateName = children(flow, 'recordUpdates')
        .filter((update) => child(update, 'inputReference') !== undefined)
        .map((update) => text(update, 'name'));
    const lookupName = children(flow, 'recordLookups').map((lookup) => text(lookup, 'name'));

    it('cover a match: the users found are updated', () => {
        expect(updateName).toHaveLength(1);
        const matches = tests.filter((test) =>
            finishConditions(test).includes(`${String(updateName[0])} EqualTo true`)
        );
        expect(matches.length).toBeGreaterThanOrEqual(1);
    });

    it('cover a no-match: no user is found', () => {
        expect(lookupName).toHaveLength(1);
        const misses = tests.filter((test) =>
            finishConditions(test).includes(`${String(lookupName[0])} IsNull true`)
        );
        expect(misses.length).toBeGreaterThanOrEqual(1);
    });

    it('start every test from an active profile link, so the entry condition lets it in', () => {
        expect(tests.length).toBeGreaterThanOrEqual(2);
        for (const test of tests) {
            const [initial] = triggeringRecords(test);
            expect(initial).toMatchObject({
                attributes: { type: 'CalendlyLink__c' },
                LinkType__c: 'Profile',
                IsActive__c: true
            });
        }
    });
});
