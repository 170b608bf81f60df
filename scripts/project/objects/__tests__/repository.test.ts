import * as fs from 'node:fs';
import { copyOfProject } from '../../../shared/testProject';
import { Project } from '../../project';
import { projectObjects } from '../load';

/**
 * This repository's objects through the Project, with the installed catalogue: what the README's
 * data model table says the package defines, and User from Salesforce's catalogue.
 */
const root = copyOfProject();
afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

describe("this repository's object schema", () => {
    let objects: ReturnType<typeof projectObjects>;
    beforeAll(async () => {
        objects = (await Project.load(root)).memo(projectObjects);
    });

    it('has the package objects and User, with the project namespace', () => {
        expect(objects.namespace).toBe('cly');
        expect(
            objects.projectObjectDefinitions.map((object) => [object.name, object.kind])
        ).toEqual([
            ['CalendlyLink__c', 'custom-object'],
            ['CalendlySyncRun__c', 'custom-object'],
            ['User', 'standard']
        ]);
    });

    it("reads CalendlyLink__c's fields as the data model describes them", () => {
        const field = (name: string) => objects.field('cly__CalendlyLink__c', name);
        expect(field('Url__c')).toMatchObject({
            metadataType: 'Text',
            length: 255,
            required: true
        });
        expect(field('Email__c')).toMatchObject({ metadataType: 'Email' });
        expect(field('LinkType__c')).toMatchObject({
            picklist: { values: ['Profile', 'ManagedEvent'], restricted: true }
        });
        expect(field('CalendlyUri__c')).toMatchObject({
            externalId: true,
            unique: true,
            caseSensitive: true
        });
        expect(field('IsActive__c')).toMatchObject({
            metadataType: 'Checkbox',
            defaultValue: 'true'
        });
        expect(field('LastSyncedAt__c')).toMatchObject({ valueType: 'Datetime' });
        expect(field('SyncNumber__c')).toMatchObject({
            metadataType: 'AutoNumber',
            displayFormat: '{0}'
        });
        expect(field('OwnerId')?.origin).toBe('platform');
    });

    it("takes User's standard fields from the catalogue and adds the package's field", () => {
        expect(objects.field('User', 'Email')).toMatchObject({
            origin: 'catalogue',
            valueType: 'String'
        });
        expect(objects.field('User', 'ProfileId')).toMatchObject({
            origin: 'catalogue',
            valueType: 'Id',
            relationship: 'Profile'
        });
        expect(objects.relationship('User', 'Manager')?.target).toBe('User');
        expect(objects.field('User', 'cly__Calendly_Link__c')).toMatchObject({
            origin: 'project',
            length: 255
        });
        expect(objects.object('User')?.fields.length).toBeGreaterThan(150);
    });

    it('knows the standard objects the Apex reads, and none by a wrong name', () => {
        for (const name of [
            'Organization',
            'CronTrigger',
            'FlowDefinitionView',
            'PermissionSet',
            'Profile'
        ]) {
            expect(objects.object(name)?.name).toBe(name);
        }
        expect(objects.object('Usr')).toBeUndefined();
    });
});
