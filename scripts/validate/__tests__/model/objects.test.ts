import { ObjectModel } from '../../model/objects';

const model = new ObjectModel(
    [
        {
            object: 'Link__c',
            name: 'Url__c',
            file: 'Url__c.field-meta.xml',
            required: true,
            masterDetail: false
        },
        {
            object: 'Link__c',
            name: 'Account__c',
            file: 'Account__c.field-meta.xml',
            required: false,
            masterDetail: false,
            referenceTo: 'Account'
        },
        {
            object: 'User',
            name: 'Calendly_Link__c',
            file: 'Calendly_Link__c.field-meta.xml',
            required: false,
            masterDetail: false
        }
    ],
    ['Link__c'],
    'cly'
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
