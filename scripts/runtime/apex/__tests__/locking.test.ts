import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject, openApexOrg } from '../../cli/project';
import { executeAnonymous } from '../../drivers/anonymous';

/**
 * SOQL's FOR UPDATE beyond what conformance/org/locking.apex shows: the ORDER BY that a locking
 * query may not have is refused where it is written, its platform error being undocumented.
 */

let root: string;
beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-locking-'));
    fs.writeFileSync(
        path.join(root, 'sfdx-project.json'),
        JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: '66.0'
        })
    );
    fs.mkdirSync(path.join(root, 'force-app', 'main', 'default'), { recursive: true });
});
afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

function execute(text: string): ReturnType<typeof executeAnonymous> {
    const { org, setup } = openApexOrg(loadProject(root, { setup: true }), {
        state: 'fresh',
        flows: [],
        log: () => undefined
    });
    return org.asUser(setup.adminId, () => executeAnonymous(org, text, 'locking.apex'));
}

describe('FOR UPDATE', () => {
    it('locks what a query without it returns', () => {
        expect(
            execute(
                "User me = [SELECT Id FROM User WHERE Id = :UserInfo.getUserId() LIMIT 1 FOR UPDATE];\nAssert.areEqual(UserInfo.getUserId(), me.Id, 'the running user');"
            )
        ).toEqual({ kind: 'completed' });
    });

    it('refuses ORDER BY in a locking query, which SOQL does not allow', () => {
        expect(() =>
            execute('List<User> users = [SELECT Id FROM User\n ORDER BY Username FOR UPDATE];')
        ).toThrow(
            'locking.apex:2: ORDER BY in a query with FOR UPDATE is not supported by the embedded org'
        );
    });
});
