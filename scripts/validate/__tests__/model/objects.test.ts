import { objectsFromFiles } from '../../../project/objects';
import { parseXml } from '../../../xml/parse';
import { ObjectModel } from '../../model/objects';

const FIELD = (name: string, body: string): string =>
    `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName>${body}</CustomField>`;
const files: Record<string, string> = {
    'objects/Link__c/Link__c.object-meta.xml':
        '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Link</label></CustomObject>',
    'objects/Link__c/fields/Url__c.field-meta.xml': FIELD(
        'Url__c',
        '<required>true</required><type>Text</type>'
    ),
    'objects/Link__c/fields/Account__c.field-meta.xml': FIELD(
        'Account__c',
        '<referenceTo>Account</referenceTo><type>Lookup</type>'
    ),
    'objects/User/fields/Calendly_Link__c.field-meta.xml': FIELD(
        'Calendly_Link__c',
        '<type>Text</type>'
    )
};
const model = new ObjectModel(
    objectsFromFiles(
        Object.entries(files).map(([path, text]) => ({ path, root: parseXml(text, path) })),
        { namespace: 'cly' }
    )
);

describe('ObjectModel', () => {
    it("knows the project's fields, standard fields, and a custom object's system fields", () => {
        expect(model.checkField('Link__c', 'Url__c').status).toBe('ok');
        expect(model.checkField('link__c', 'URL__C').status).toBe('ok');
        expect(model.checkField('Link__c', 'OwnerId').status).toBe('ok');
        expect(model.checkField('User', 'Email').status).toBe('ok');
        expect(model.checkField('User', 'Calendly_Link__c').status).toBe('ok');
        expect(model.checkField('User', 'Emial')).toEqual({
            status: 'unknown-field',
            object: 'User',
            field: 'Emial'
        });
        expect(model.checkField('Link__c', 'Uri__c')).toEqual({
            status: 'unknown-field',
            object: 'Link__c',
            field: 'Uri__c'
        });
    });

    it('follows standard and custom relationships', () => {
        expect(model.checkField('Link__c', 'Owner.Email').status).toBe('ok');
        expect(model.checkField('Link__c', 'Account__r.Name').status).toBe('ok');
        expect(model.checkField('Link__c', 'Owner:User.Username').status).toBe('ok');
        expect(model.checkField('Link__c', 'Owner.Emial').status).toBe('unknown-field');
        expect(model.checkField('Link__c', 'Contact__r.Name')).toEqual({
            status: 'unknown-field',
            object: 'Link__c',
            field: 'Contact__r'
        });
    });

    it("strips the project's namespace and leaves other packages' names unchecked", () => {
        expect(model.checkField('cly__Link__c', 'cly__Url__c').status).toBe('ok');
        expect(model.checkField('other__Thing__c', 'Name').status).toBe('unverifiable');
        expect(model.checkField('Link__c', 'other__Field__c').status).toBe('unverifiable');
        expect(model.checkObject('Links__c')).toEqual({
            status: 'unknown-object',
            object: 'Links__c'
        });
    });

    it('accepts list-view tokens for standard columns', () => {
        expect(model.checkListViewField('Link__c', 'NAME').status).toBe('ok');
        expect(model.checkListViewField('Link__c', 'Url__c').status).toBe('ok');
        expect(model.checkListViewField('Link__c', 'Owner.Nickname').status).toBe('unknown-field');
        expect(model.checkListViewField('Account', 'ACCOUNT.ADDRESS1_CITY').status).toBe(
            'unverifiable'
        );
    });
});

describe('ObjectModel over the catalogue', () => {
    it('knows every standard object and field of the catalogue, not a hand-kept few', () => {
        expect(model.checkObject('Asset')).toEqual({ status: 'ok', object: 'Asset' });
        expect(model.checkField('Account', 'BillingCity').status).toBe('ok');
        expect(model.checkField('User', 'MiddleName').status).toBe('ok');
        expect(model.checkField('Asset', 'Nmae')).toEqual({
            status: 'unknown-field',
            object: 'Asset',
            field: 'Nmae'
        });
    });

    it('reads a polymorphic owner through the fields every owner has, and names the path', () => {
        expect(model.checkField('Case', 'Owner.Email').status).toBe('ok');
        expect(model.checkField('Case', 'Owner:User.Department').status).toBe('ok');
        expect(model.checkField('Case', 'Owner.Department')).toEqual({
            status: 'unknown-field',
            object: 'Case.Owner',
            field: 'Department'
        });
        expect(model.checkField('User', 'DelegatedApprover.Anything').status).toBe('unverifiable');
    });

    it('does not take the project prefix off a standard field', () => {
        expect(model.checkField('User', 'cly__Email').status).toBe('unknown-field');
        expect(model.fieldKey('cly__Link__c', 'cly__Url__c')).toBe('link__c.url__c');
    });
});
