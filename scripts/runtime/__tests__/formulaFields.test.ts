import { parseFlow } from '../flow';
import { EmbeddedOrg } from '../org/embedded';
import { loadSchema, type SourceFile } from '../schema';
import type { FieldValues } from '../types';
import { connector, flowXml } from './helpers';

/**
 * Formula fields and formula default values, evaluated with formulon: a default when a record
 * is created, a formula field from the record's own fields whenever the record is saved. What
 * the org cannot evaluate is refused where a run names the field, with the field's file and line.
 */
const DIR = 'force-app/main/default/objects';
const OBJECT =
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Pet</label></CustomObject>';
const FIELD = (name: string, body: string): SourceFile => ({
    path: `${DIR}/Pet__c/fields/${name}.field-meta.xml`,
    content: `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>${name}</fullName>${body}</CustomField>`
});
const FORMULA = (name: string, type: string, formula: string, extra = ''): SourceFile =>
    FIELD(name, `<formula>${formula}</formula>${extra}<type>${type}</type>`);
const AT = (name: string): string => `${DIR}/Pet__c/fields/${name}.field-meta.xml:2`;

const schema = loadSchema([
    { path: `${DIR}/Pet__c/Pet__c.object-meta.xml`, content: OBJECT },
    FIELD('First__c', '<type>Text</type><length>40</length>'),
    FIELD('Last__c', '<type>Text</type><length>40</length>'),
    FIELD('Adult__c', '<type>Checkbox</type><defaultValue>false</defaultValue>'),
    FIELD('Weight__c', '<type>Number</type><precision>6</precision><scale>2</scale>'),
    FIELD('Extra__c', '<type>Number</type><precision>6</precision><scale>2</scale>'),
    FIELD('Arrived__c', '<type>DateTime</type><defaultValue>NOW()</defaultValue>'),
    FIELD('Review__c', '<type>Date</type><defaultValue>TODAY() + 7</defaultValue>'),
    FIELD('Checkup__c', '<type>Time</type>'),
    FIELD(
        'Parent__c',
        '<type>Lookup</type><referenceTo>Pet__c</referenceTo><relationshipName>Children</relationshipName>'
    ),
    FORMULA('Full__c', 'Text', 'First__c &amp; " " &amp; Last__c'),
    FORMULA('Heavy__c', 'Checkbox', 'Weight__c &gt; 10'),
    FORMULA(
        'Size__c',
        'Text',
        'IF(Heavy__c, "large", CASE(TEXT(Weight__c), "1", "tiny", "small"))'
    ),
    FORMULA(
        'Total__c',
        'Number',
        'Weight__c + Extra__c',
        '<formulaTreatBlanksAs>BlankAsZero</formulaTreatBlanksAs><scale>1</scale>'
    ),
    FORMULA(
        'Sum__c',
        'Number',
        'Weight__c + Extra__c',
        '<formulaTreatBlanksAs>BlankAsBlank</formulaTreatBlanksAs>'
    ),
    FORMULA('Parent_Name__c', 'Text', 'Parent__r.First__c')
]);
const PET = schema.object('Pet__c', 'test');
const CLOCK = Date.UTC(2026, 4, 6, 7, 8, 9);

const flow = (body: string, first: string): string =>
    flowXml(
        `<object>Pet__c</object><triggerType>RecordBeforeSave</triggerType><recordTriggerType>Create</recordTriggerType>${connector(first)}`,
        body
    );
const assignment = (name: string, target: string, value: string): string =>
    `<assignments><name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY><assignmentItems><assignToReference>${target}</assignToReference><operator>Assign</operator><value>${value}</value></assignmentItems></assignments>`;
/** A decision on $Record.field that sets Adult__c when the field equals the text. */
const decisionOn = (field: string, text: string): string =>
    flow(
        `<decisions><name>Check</name><label>Check</label><locationX>0</locationX><locationY>0</locationY><rules><name>Match</name><conditionLogic>and</conditionLogic><conditions><leftValueReference>$Record.${field}</leftValueReference><operator>EqualTo</operator><rightValue><stringValue>${text}</stringValue></rightValue></conditions>${connector('Mark')}<label>Match</label></rules></decisions>` +
            assignment('Mark', '$Record.Adult__c', '<booleanValue>true</booleanValue>'),
        'Check'
    );

function insert(embedded: EmbeddedOrg, records: readonly FieldValues[]): FieldValues[] {
    const transaction = embedded.transaction();
    transaction.dml({ operation: 'insert', object: PET, allOrNone: true, records });
    transaction.commit();
    return embedded.records()['Pet__c'] ?? [];
}

const orgAt = (now: number, flows: readonly string[] = []): EmbeddedOrg =>
    new EmbeddedOrg(
        schema,
        flows.map((xml, index) => parseFlow(xml, `test/Flow${index}.flow-meta.xml`, schema)),
        undefined,
        { now: () => now, userId: () => null }
    );

const parseError = (xml: string): string => {
    try {
        parseFlow(xml, 'test/Pet.flow-meta.xml', schema);
    } catch (error: unknown) {
        return error instanceof Error ? error.message : String(error);
    }
    return 'not refused';
};

describe('formula default values', () => {
    it("sets NOW() and TODAY() + 7 when a record is created, from the org's clock", () => {
        const [pet] = insert(orgAt(CLOCK), [{ First__c: 'Rex' }]);
        expect(pet?.['Arrived__c']).toBe('2026-05-06T07:08:09.000Z');
        expect(pet?.['Review__c']).toBe('2026-05-13');
    });

    it('keeps a value the insert gives', () => {
        const embedded = orgAt(CLOCK);
        const [pet] = insert(embedded, [{ Arrived__c: '2020-01-01T00:00:00.000Z' }]);
        expect(pet?.['Arrived__c']).toBe('2020-01-01T00:00:00.000Z');
    });
});

describe('formula fields', () => {
    it('computes a Text formula from two fields, which a flow decision reads', () => {
        const embedded = orgAt(CLOCK, [decisionOn('Full__c', 'Rex Smith')]);
        const [rex, max] = insert(embedded, [
            { First__c: 'Rex', Last__c: 'Smith' },
            { First__c: 'Max', Last__c: 'Smith' }
        ]);
        expect(rex?.['Full__c']).toBe('Rex Smith');
        expect(rex?.['Adult__c']).toBe(true);
        expect(max?.['Adult__c']).toBe(false);
    });

    it("reads as its return type, from IF, CASE and TEXT of the record's fields", () => {
        const [small, large] = insert(orgAt(CLOCK), [{ Weight__c: 4 }, { Weight__c: 12.5 }]);
        expect(small).toMatchObject({ Heavy__c: false, Size__c: 'small' });
        expect(large).toMatchObject({ Heavy__c: true, Size__c: 'large' });
    });

    it('recomputes when the record is updated', () => {
        const embedded = orgAt(CLOCK);
        const [pet] = insert(embedded, [{ First__c: 'Rex', Last__c: 'Smith' }]);
        const transaction = embedded.transaction();
        transaction.dml({
            operation: 'update',
            object: PET,
            allOrNone: true,
            records: [{ Id: pet?.['Id'] ?? null, Last__c: 'Jones' }]
        });
        transaction.commit();
        expect(embedded.records()['Pet__c']?.[0]?.['Full__c']).toBe('Rex Jones');
    });

    it('honours the blank field handling: zeroes or blanks, and rounds half up to its scale', () => {
        const [pet, full] = insert(orgAt(CLOCK), [
            { Weight__c: 2.25 },
            { Weight__c: 2.25, Extra__c: 1 }
        ]);
        expect(pet).toMatchObject({ Total__c: 2.3, Sum__c: null });
        expect(full).toMatchObject({ Total__c: 3.3, Sum__c: 3.25 });
    });

    it('cannot be written: a flow that creates a record with one set is refused', () => {
        const create = `<recordCreates><name>Make</name><label>Make</label><locationX>0</locationX><locationY>0</locationY><inputAssignments><field>Full__c</field><value><stringValue>x</stringValue></value></inputAssignments><object>Pet__c</object></recordCreates>`;
        expect(parseError(flow(create, 'Make'))).toContain(
            'Pet__c.Full__c is computed by the platform and cannot be written.'
        );
    });

    it('refuses a cross-object formula where a run reads it, with its file and line, and the project still loads', () => {
        expect(PET.fields.map((field) => field.name)).not.toContain('Parent_Name__c');
        expect(parseError(decisionOn('Parent_Name__c', 'Rex'))).toContain(
            `Pet__c.Parent_Name__c is a formula field (Text, ${AT('Parent_Name__c')}) that reads Parent__r.First__c, a field of another record (a cross-object formula): not supported by the embedded org`
        );
        expect(insert(orgAt(CLOCK), [{ First__c: 'Rex' }])).toHaveLength(1);
    });
});

describe('a field the org refuses, named by a flow', () => {
    it('is reported with the reason and the field file:line, not as an unknown field', () => {
        const message = parseError(decisionOn('Checkup__c', 'x'));
        expect(message).toContain(
            `Pet__c.Checkup__c has type Time (${AT('Checkup__c')}): not supported by the embedded org`
        );
        expect(message).not.toContain('unknown field');
    });
});
