import { permissionSetsFromFiles } from '../../../project/security';
import { parseXml } from '../../../xml/parse';
import type { FieldUse, WriteRow } from '../../apex/data/bridge';
import type { DmlRowError, ExceptionState } from '../../apex/model';
import { OrgSchema, type FieldSchema, type ObjectSchema } from '../../schema';
import { field as schemaField } from '../../schema/fields';
import type { FieldValues } from '../../types';
import { OrgSecurity } from '../security';

/** An Apex exception as the test's `raise` throws it. */
class Raised extends Error {
    public constructor(
        public readonly type: string,
        message: string,
        public readonly detail?: Pick<ExceptionState, 'dml'>
    ) {
        super(message);
    }
}

const field = (name: string, extra: Partial<FieldSchema> = {}): FieldSchema =>
    schemaField(name, extra.type ?? 'text', extra);

const object = (
    name: string,
    keyPrefix: string,
    custom: boolean,
    fields: readonly FieldSchema[]
): ObjectSchema => ({
    name,
    keyPrefix,
    custom,
    setup: false,
    fields: [field('Id', { type: 'id', writable: false }), ...fields],
    mixedDmlFields: []
});

const LINK = object('Link__c', 'a00', true, [
    field('Name'),
    field('Url__c', { required: true }),
    field('Email__c'),
    field('Secret__c'),
    field('Number__c', { writable: false })
]);
const USER = object('User', '005', false, [
    field('Name', { writable: false }),
    field('ProfileId', { type: 'reference' }),
    field('Calendly_Link__c')
]);
const ACCOUNT = object('Account', '001', false, [field('Name')]);
const SCHEMA = new OrgSchema(
    [
        LINK,
        USER,
        ACCOUNT,
        object('Profile', '00e', false, [field('Name')]),
        object('PermissionSet', '0PS', false, [field('Name')]),
        object('PermissionSetAssignment', '0Pa', false, [
            field('AssigneeId'),
            field('PermissionSetId')
        ])
    ],
    'cly'
);

const PERMISSION_SETS = permissionSetsFromFiles([
    {
        path: 'permissionsets/Link_Writer.permissionset-meta.xml',
        document: {
            root: parseXml(
                `<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <customPermissions><enabled>true</enabled><name>Run_Sync</name></customPermissions>
    <fieldPermissions><editable>true</editable><field>Link__c.Email__c</field><readable>true</readable></fieldPermissions>
    <fieldPermissions><editable>false</editable><field>User.Calendly_Link__c</field><readable>true</readable></fieldPermissions>
    <label>Link Writer</label>
    <objectPermissions>
        <allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit>
        <allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords>
        <object>Link__c</object><viewAllRecords>false</viewAllRecords>
    </objectPermissions>
</PermissionSet>`,
                'Link_Writer.permissionset-meta.xml'
            )
        }
    }
]);

const ADMIN_PROFILE = '00e000000000001';
const STANDARD_PROFILE = '00e000000000002';
const ADMIN = '005000000000001';
const WRITER = '005000000000002';
const STRANGER = '005000000000003';

function orgRecords(): Record<string, FieldValues[]> {
    return {
        Profile: [
            {
                Id: ADMIN_PROFILE,
                Name: 'System Administrator',
                PermissionsModifyAllData: true,
                PermissionsViewAllData: true
            },
            {
                Id: STANDARD_PROFILE,
                Name: 'Standard User',
                PermissionsModifyAllData: false,
                PermissionsViewAllData: false
            }
        ],
        User: [
            { Id: ADMIN, Name: 'Org Administrator', ProfileId: ADMIN_PROFILE },
            { Id: WRITER, Name: 'Link Writer', ProfileId: STANDARD_PROFILE },
            { Id: STRANGER, Name: 'Stranger', ProfileId: STANDARD_PROFILE }
        ],
        PermissionSet: [
            { Id: '0PS000000000001', Name: 'Link_Writer' },
            { Id: '0PS000000000002', Name: 'Not_In_The_Project' }
        ],
        PermissionSetAssignment: [
            // Ids as 18 characters, as the org stores them: they match the 15-character ones.
            {
                Id: '0Pa000000000001AAA',
                AssigneeId: `${WRITER}AAA`,
                PermissionSetId: '0PS000000000001AAA'
            },
            {
                Id: '0Pa000000000002AAA',
                AssigneeId: `${STRANGER}AAA`,
                PermissionSetId: '0PS000000000002AAA'
            }
        ]
    };
}

function securityFor(userId: string | null): OrgSecurity {
    const records = orgRecords();
    return new OrgSecurity({
        schema: SCHEMA,
        permissionSets: PERMISSION_SETS,
        userId: () => userId,
        records: (name) => records[name] ?? [],
        raise: (type, message, detail) => {
            throw new Raised(type, message, detail);
        }
    });
}

const PLACE = { file: 'classes/LinkSelector.cls', line: 12 };
const uses = (target: ObjectSchema, ...names: string[]): FieldUse[] =>
    names.map((name) => ({
        object: target,
        field: target.fields.find((candidate) => candidate.name === name) ?? field(name)
    }));
const rows = (target: ObjectSchema, ...records: FieldValues[]): WriteRow[] =>
    records.map((values) => ({
        values,
        fields: Object.keys(values)
            .filter((name) => name !== 'Id')
            .map(
                (name) => target.fields.find((candidate) => candidate.name === name) ?? field(name)
            )
    }));

function raised(run: () => unknown): Raised {
    try {
        run();
    } catch (error: unknown) {
        if (error instanceof Raised) {
            return error;
        }
        throw error;
    }
    throw new Error('expected an Apex exception');
}

const strict = { allOrNone: true, deny: () => undefined };

describe('the running user in user-mode queries', () => {
    it('reads what a permission set grants, and the fields that FLS cannot hide', () => {
        // Given a user whose permission set reads Link__c and its Email__c
        const security = securityFor(WRITER);

        // Then a user-mode query of those fields, the name and the required URL passes
        expect(() => {
            security.checkRead(LINK, uses(LINK, 'Id', 'Name', 'Url__c', 'Email__c'), 'user', PLACE);
        }).not.toThrow();
    });

    it('throws QueryException naming the first field the user cannot read', () => {
        const error = raised(() => {
            securityFor(WRITER).checkRead(
                LINK,
                uses(LINK, 'Name', 'Secret__c', 'Number__c'),
                'user',
                PLACE
            );
        });
        expect(error.type).toBe('QueryException');
        expect(error.message).toMatch(/^No such column 'Secret__c' on entity 'Link__c'\. /);
    });

    it('throws QueryException for an object the user cannot read', () => {
        const error = raised(() => {
            securityFor(STRANGER).checkRead(LINK, uses(LINK, 'Name'), 'user', PLACE);
        });
        expect(error.type).toBe('QueryException');
        expect(error.message).toMatch(/^sObject type 'Link__c' is not supported\./);
    });

    it('lets every profile read users, and custom User fields only through a grant', () => {
        expect(() => {
            securityFor(STRANGER).checkRead(USER, uses(USER, 'Name'), 'user', PLACE);
        }).not.toThrow();
        expect(() => {
            securityFor(WRITER).checkRead(USER, uses(USER, 'Calendly_Link__c'), 'user', PLACE);
        }).not.toThrow();
        expect(
            raised(() => {
                securityFor(STRANGER).checkRead(
                    USER,
                    uses(USER, 'Calendly_Link__c'),
                    'user',
                    PLACE
                );
            }).message
        ).toMatch(/^No such column 'Calendly_Link__c' on entity 'User'/);
    });

    it('gives a Modify All Data profile everything and checks nothing in system mode', () => {
        expect(() => {
            securityFor(ADMIN).checkRead(LINK, uses(LINK, 'Secret__c'), 'user', PLACE);
            securityFor(STRANGER).checkRead(LINK, uses(LINK, 'Secret__c'), 'system', PLACE);
        }).not.toThrow();
    });

    it('checks only SELECT fields WITH SECURITY_ENFORCED', () => {
        const security = securityFor(WRITER);
        const [secret] = uses(LINK, 'Secret__c');
        expect(() => {
            security.checkRead(
                LINK,
                secret ? [{ ...secret, clause: 'where' }] : [],
                'security-enforced',
                PLACE
            );
        }).not.toThrow();
        const error = raised(() => {
            security.checkRead(
                LINK,
                secret ? [{ ...secret, clause: 'select' }] : [],
                'security-enforced',
                PLACE
            );
        });
        expect(error.message).toBe(
            'Insufficient permissions: secure query included inaccessible field'
        );
        // A field the query could not place in a clause is refused, not guessed.
        expect(() => {
            security.checkRead(LINK, secret ? [secret] : [], 'security-enforced', PLACE);
        }).toThrow(
            'classes/LinkSelector.cls:12: WITH SECURITY_ENFORCED on a query whose unreadable field Link__c.Secret__c cannot be placed in its SELECT or WHERE clause is not supported by the embedded org'
        );
    });

    it('refuses a standard object whose profile access it does not know, and running as nobody', () => {
        expect(() => {
            securityFor(STRANGER).checkRead(ACCOUNT, uses(ACCOUNT, 'Name'), 'user', PLACE);
        }).toThrow(
            'classes/LinkSelector.cls:12: the read access to Account that a standard profile grants is not supported by the embedded org'
        );
        expect(() => {
            securityFor(null).checkRead(LINK, [], 'user', PLACE);
        }).toThrow('a user-mode operation without a running user is not supported');
    });
});

describe('the running user in user-mode DML', () => {
    it('throws SecurityException naming the operation and the object without CRUD', () => {
        const error = raised(() => {
            securityFor(WRITER).checkWrite(
                LINK,
                'delete',
                rows(LINK, { Id: 'a00000000000001' }),
                'user',
                PLACE,
                strict
            );
        });
        expect(error.type).toBe('SecurityException');
        expect(error.message).toBe('DML operation DELETE not allowed on Link__c');
        expect(
            raised(() => {
                securityFor(STRANGER).checkWrite(
                    LINK,
                    'insert',
                    rows(LINK, { Name: 'x' }),
                    'user',
                    PLACE,
                    {
                        allOrNone: false,
                        deny: () => undefined
                    }
                );
            }).message
        ).toBe('DML operation INSERT not allowed on Link__c');
    });

    it('throws DmlException for fields without edit access when all or none', () => {
        const error = raised(() => {
            securityFor(WRITER).checkWrite(
                LINK,
                'insert',
                rows(LINK, { Name: 'a', Email__c: 'a@example.com' }, { Name: 'b', Secret__c: 's' }),
                'user',
                PLACE,
                strict
            );
        });
        expect(error.type).toBe('DmlException');
        expect(error.message).toBe(
            'Operation failed due to fields being inaccessible on Sobject Link__c, check errors on Exception or Result!'
        );
        expect(error.detail?.dml).toEqual([
            expect.objectContaining({ index: 1, fields: ['Secret__c'], id: null })
        ]);
    });

    it('fails only the rows with such fields when not all or none', () => {
        const denied: DmlRowError[] = [];
        securityFor(WRITER).checkWrite(
            LINK,
            'update',
            rows(
                LINK,
                { Id: 'a00000000000001', Email__c: 'a@example.com' },
                { Id: 'a00000000000002', Secret__c: 's' }
            ),
            'user',
            PLACE,
            { allOrNone: false, deny: (error) => denied.push(error) }
        );
        expect(denied).toEqual([
            {
                index: 1,
                id: 'a00000000000002',
                statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                message:
                    'Unable to create/update fields: Secret__c. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
                fields: ['Secret__c']
            }
        ]);
    });
});

describe('describe access and custom permissions', () => {
    it("answers describe's checks for the running user", () => {
        const security = securityFor(WRITER);
        const email = LINK.fields.find((candidate) => candidate.name === 'Email__c');
        const numbered = LINK.fields.find((candidate) => candidate.name === 'Number__c');
        expect(security.canAccess(LINK, 'read', undefined, PLACE)).toBe(true);
        expect(security.canAccess(LINK, 'create', undefined, PLACE)).toBe(true);
        expect(security.canAccess(LINK, 'delete', undefined, PLACE)).toBe(false);
        expect(security.canAccess(LINK, 'edit', email, PLACE)).toBe(true);
        expect(security.canAccess(LINK, 'create', numbered, PLACE)).toBe(false);
        expect(securityFor(STRANGER).canAccess(LINK, 'read', undefined, PLACE)).toBe(false);
        expect(securityFor(ADMIN).canAccess(LINK, 'delete', undefined, PLACE)).toBe(true);
    });

    it('enables a custom permission through an assigned permission set only', () => {
        expect(securityFor(WRITER).checkPermission('Run_Sync')).toBe(true);
        expect(securityFor(WRITER).checkPermission('run_sync')).toBe(true);
        expect(securityFor(STRANGER).checkPermission('Run_Sync')).toBe(false);
        // Modify All Data does not enable custom permissions.
        expect(securityFor(ADMIN).checkPermission('Run_Sync')).toBe(false);
    });

    it("gives the running user's record", () => {
        expect(securityFor(`${WRITER}AAA`).user()).toMatchObject({ Name: 'Link Writer' });
        expect(securityFor(null).user()).toBeUndefined();
    });
});
