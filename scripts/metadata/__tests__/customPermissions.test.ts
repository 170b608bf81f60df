import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { children, childText } from '../../xml/parse';
import { MANAGE_SYNC_PERMISSION } from '../customPermissions';
import { generatedNames, generatedXml, text } from './generated';

const CONTROLLER = path.resolve(
    __dirname,
    '../../../force-app/main/default/classes/CalendlySyncController.cls'
);

const enabledCustomPermissions = (set: string): string[] =>
    children(generatedXml(`permissionsets/${set}.permissionset-meta.xml`), 'customPermissions')
        .filter((permission) => childText(permission, 'enabled') === 'true')
        .map((permission) => text(permission, 'name'));

describe('custom permissions', () => {
    it('are the one that lets a user manage the sync', () => {
        expect(generatedNames('customPermissions')).toEqual([
            'Calendly_Manage_Sync.customPermission-meta.xml'
        ]);
        const permission = generatedXml(
            `customPermissions/${MANAGE_SYNC_PERMISSION}.customPermission-meta.xml`
        );
        expect(text(permission, 'label')).toBe('Manage Calendly Sync');
        expect(text(permission, 'isLicensed')).toBe('false');
    });

    it('are granted by the admin set only', () => {
        expect(enabledCustomPermissions('Calendly_Links_Admin')).toEqual([MANAGE_SYNC_PERMISSION]);
        expect(enabledCustomPermissions('Calendly_Links_Reader')).toEqual([]);
    });

    it('are the one the controller checks before it changes the sync', () => {
        expect(readFileSync(CONTROLLER, 'utf8')).toContain(`'${MANAGE_SYNC_PERMISSION}'`);
    });
});
