import { findAnnotation, hasModifier, sameName, type ApexTypeDeclaration } from '..';
import { outlineOf } from './helpers';

const CONTROLLER = `/**
 * A controller.
 */
@SuppressWarnings('PMD.ExcessivePublicCount')
public with sharing virtual class Controller extends Base implements Comparable, Database.Batchable<SObject> {
    @TestVisible
    private static final Map<String, List<Id>> CACHE = new Map<String, List<Id>>(), OTHER;
    public String name { get; private set; }
    @AuraEnabled
    public Integer count {
        get { return 1; }
        set { count = value; }
    }

    public Controller() { }
    private Controller(final Id recordId) { }

    @AuraEnabled(cacheable=true scope='global')
    public static List<Controller.Row> rows(final Id recordId, List<Map<Id, Set<String>>> nested) {
        return null;
    }

    public virtual void nothing() { }

    public interface Shape extends Comparable, Other.Thing { Decimal area(Integer scale); }

    private enum Color { RED, GREEN }

    public class Row {
        @AuraEnabled
        public Id rowId;
        public String label;
    }
}`;

describe('the outline of a class', () => {
    const [controller] = outlineOf(CONTROLLER).types;
    const type = (name: string): ApexTypeDeclaration | undefined =>
        controller?.types.find((inner) => inner.name === name);

    it('has the class with its modifiers, annotations, superclass and interfaces', () => {
        expect(controller).toMatchObject({
            kind: 'class',
            name: 'Controller',
            line: 5,
            column: 35,
            modifiers: ['public', 'with sharing', 'virtual'],
            annotations: [
                {
                    name: 'SuppressWarnings',
                    line: 4,
                    column: 2,
                    parameters: [],
                    value: "'PMD.ExcessivePublicCount'"
                }
            ],
            extends: ['Base'],
            implements: ['Comparable', 'Database.Batchable<SObject>']
        });
    });

    it('has its fields, one per declarator, with their type as written', () => {
        expect(controller?.fields).toEqual([
            expect.objectContaining({
                name: 'CACHE',
                type: 'Map<String, List<Id>>',
                modifiers: ['private', 'static', 'final'],
                annotations: [{ name: 'TestVisible', line: 6, column: 6, parameters: [] }]
            }),
            expect.objectContaining({ name: 'OTHER', type: 'Map<String, List<Id>>', line: 7 })
        ]);
    });

    it('has its properties with their get and set', () => {
        expect(controller?.properties).toEqual([
            expect.objectContaining({
                name: 'name',
                type: 'String',
                getter: { modifiers: [], hasBody: false },
                setter: { modifiers: ['private'], hasBody: false }
            }),
            expect.objectContaining({
                name: 'count',
                line: 10,
                type: 'Integer',
                annotations: [expect.objectContaining({ name: 'AuraEnabled', parameters: [] })],
                getter: { modifiers: [], hasBody: true },
                setter: { modifiers: [], hasBody: true }
            })
        ]);
    });

    it('has its constructors and methods, with parameters and annotations with parameters', () => {
        expect(controller?.constructors.map((c) => [c.name, c.modifiers, c.parameters])).toEqual([
            ['Controller', ['public'], []],
            [
                'Controller',
                ['private'],
                [expect.objectContaining({ name: 'recordId', type: 'Id', modifiers: ['final'] })]
            ]
        ]);
        const [rows, nothing] = controller?.methods ?? [];
        expect(rows).toEqual({
            name: 'rows',
            line: 19,
            column: 40,
            modifiers: ['public', 'static'],
            annotations: [
                {
                    name: 'AuraEnabled',
                    line: 18,
                    column: 6,
                    parameters: [
                        { name: 'cacheable', value: 'true' },
                        { name: 'scope', value: "'global'" }
                    ]
                }
            ],
            returnType: 'List<Controller.Row>',
            parameters: [
                expect.objectContaining({ name: 'recordId', type: 'Id', modifiers: ['final'] }),
                expect.objectContaining({ name: 'nested', type: 'List<Map<Id, Set<String>>>' })
            ],
            hasBody: true
        });
        expect(nothing).toMatchObject({ name: 'nothing', returnType: 'void', parameters: [] });
    });

    it('has its inner classes, interfaces and enums', () => {
        expect(controller?.types.map((inner) => [inner.kind, inner.name])).toEqual([
            ['interface', 'Shape'],
            ['enum', 'Color'],
            ['class', 'Row']
        ]);
        expect(type('Shape')).toMatchObject({
            extends: ['Comparable', 'Other.Thing'],
            methods: [
                {
                    name: 'area',
                    returnType: 'Decimal',
                    hasBody: false,
                    parameters: [expect.objectContaining({ name: 'scale', type: 'Integer' })]
                }
            ]
        });
        expect(type('Color')?.values.map((value) => value.name)).toEqual(['RED', 'GREEN']);
        expect(type('Row')?.fields.map((field) => field.name)).toEqual(['rowId', 'label']);
    });

    it('finds annotations and modifiers whatever their case, as Apex does', () => {
        const [row] = outlineOf(
            'public class Row { @auraenabled(Cacheable=TRUE) PUBLIC STATIC String x() { return null; } }'
        ).types;
        const method = row?.methods[0];
        expect(method && findAnnotation(method, 'AuraEnabled')?.parameters).toEqual([
            { name: 'Cacheable', value: 'TRUE' }
        ]);
        expect(method && hasModifier(method, 'static')).toBe(true);
        expect(method && hasModifier(method, 'global')).toBe(false);
        expect(controller && hasModifier(controller, 'WITH  SHARING')).toBe(true);
        expect(sameName('Calendly_Link__c', 'calendly_link__C')).toBe(true);
    });
});

describe('the outline of a trigger', () => {
    it('has its name, object, events and the members of its body', () => {
        const outline = outlineOf(
            [
                'trigger LinkTrigger on Link__c (before insert, AFTER  update) {',
                '    private static Integer depth = 0;',
                '    class Helper { }',
                '    for (Link__c link : Trigger.new) { link.Url__c = null; }',
                '}'
            ].join('\n'),
            'triggers/LinkTrigger.trigger'
        );
        expect(outline.types).toEqual([]);
        expect(outline.trigger).toMatchObject({
            name: 'LinkTrigger',
            line: 1,
            column: 9,
            object: { name: 'Link__c', line: 1, column: 24 },
            events: ['before insert', 'AFTER update'],
            fields: [expect.objectContaining({ name: 'depth', type: 'Integer' })],
            types: [expect.objectContaining({ kind: 'class', name: 'Helper' })]
        });
        expect(outline.fieldReferences.map((reference) => reference.field.name)).toEqual([
            'Url__c'
        ]);
    });
});
