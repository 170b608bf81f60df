import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { loadProject, openApexOrg } from '../../cli/project';
import { executeAnonymous } from '../anonymous';

/**
 * Apex never sets a field the platform computes or maintains: assigning one does not compile
 * ("Field is not writeable"), whether by `record.Field = value`, `record.Field++` or
 * `new Object(Field = value)`, and `put()` throws; an sObject's Id and its writable fields
 * compile as before.
 */
const project = loadProject(REPOSITORY_ROOT, { setup: true });

function run(text: string): ReturnType<typeof executeAnonymous> {
    const { org, setup } = openApexOrg(project, {
        state: 'fresh',
        flows: [],
        log: () => undefined
    });
    return org.asUser(setup.adminId, () => executeAnonymous(org, text, 'fields.apex'));
}

describe('fields Apex may not set', () => {
    it('refuses to compile an assignment to a system field, with the line', () => {
        expect(() =>
            run(
                [
                    'PermissionSet saved = new PermissionSet();',
                    'saved.CreatedDate = System.now();'
                ].join('\n')
            )
        ).toThrow(/fields\.apex:2: .*Field is not writeable: PermissionSet\.CreatedDate/);
    });

    it('refuses a computed field in an sObject constructor', () => {
        expect(() => run("User someone = new User(Name = 'Ada Lovelace');")).toThrow(
            /fields\.apex:1: .*Field is not writeable: User\.Name/
        );
    });

    it('throws SObjectException when put() names such a field, and puts an Id', () => {
        expect(
            run(
                [
                    'PermissionSet saved = new PermissionSet();',
                    "saved.put('Id', UserInfo.getUserId());",
                    "saved.put('CreatedDate', System.now());"
                ].join('\n')
            )
        ).toEqual({
            kind: 'exception',
            type: 'System.SObjectException',
            message: 'Field CreatedDate is not editable'
        });
    });

    it("compiles an sObject's Id and its writable fields", () => {
        expect(
            run(
                [
                    "User someone = new User(LastName = 'Lovelace');",
                    'someone.Id = UserInfo.getUserId();',
                    "someone.FirstName = 'Ada';"
                ].join('\n')
            )
        ).toEqual({ kind: 'completed' });
    });
});
