import { Worker } from 'node:worker_threads';
import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { loadProject, openApexOrg, type OpenedApexOrg } from '../../cli/project';
import { executeAnonymous } from '../anonymous';
import { stopSyncHttp } from '../syncHttp';

/**
 * The package's Calendly named credential in the embedded org outside a test: a callout goes out
 * with the external credential's Authorization header only for a user whose permission sets
 * enable its CalendlyAdmin principal (Calendly_Links_Admin does).
 */
const project = loadProject(REPOSITORY_ROOT, { setup: true });

/** Answers each request with the headers it received, in a thread of its own. */
const ECHO = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const server = http.createServer((incoming, outgoing) => {
    outgoing.setHeader('Content-Type', 'application/json');
    outgoing.end(JSON.stringify({ authorization: incoming.headers.authorization ?? null }));
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

const TOKEN = 'calendly-pat-51c0';

const CALL_OUT = `
HttpRequest request = new HttpRequest();
request.setEndpoint('callout:Calendly/users/me');
request.setMethod('GET');
System.debug(new Http().send(request).getBody());
`;

const ASSIGN_ADMIN_SET = `
insert new PermissionSetAssignment(
    AssigneeId = UserInfo.getUserId(),
    PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Calendly_Links_Admin'].Id
);
`;

describe('callouts through the Calendly external credential', () => {
    let echo: Worker | undefined;
    let echoUrl = '';

    beforeAll(async () => {
        const thread = new Worker(ECHO, { eval: true });
        echo = thread;
        const port = await new Promise<number>((resolve, reject) => {
            thread.once('message', resolve);
            thread.once('error', reject);
        });
        echoUrl = `http://127.0.0.1:${port}`;
    });

    afterAll(async () => {
        await Promise.all([echo?.terminate(), stopSyncHttp()]);
    });

    function open(log: string[]): OpenedApexOrg {
        return openApexOrg(project, {
            state: 'fresh',
            flows: [],
            log: (line) => log.push(line),
            standIns: new Map([['Calendly', echoUrl]]),
            principals: new Map([['Calendly-CalendlyAdmin', new Map([['Token', TOKEN]])]])
        });
    }

    it('refuses the admin without the Calendly Links Admin permission set', () => {
        const { org, setup } = open([]);

        const outcome = org.asUser(setup.adminId, () => executeAnonymous(org, CALL_OUT, 'a.apex'));

        expect(outcome).toEqual({
            kind: 'exception',
            type: 'System.CalloutException',
            message:
                'We couldn\'t access the credential(s). You might not have the required permissions, or the external credential "Calendly" might not exist.'
        });
    });

    it('sends the bearer token for a user the permission set gives the principal', () => {
        const log: string[] = [];
        const { org, setup } = open(log);

        const assigned = org.asUser(setup.adminId, () =>
            executeAnonymous(org, ASSIGN_ADMIN_SET, 'assign.apex')
        );
        const outcome = org.asUser(setup.adminId, () => executeAnonymous(org, CALL_OUT, 'a.apex'));

        expect(assigned).toEqual({ kind: 'completed' });
        expect(outcome).toEqual({ kind: 'completed' });
        expect(log.join('\n')).toContain(`{"authorization":"Bearer ${TOKEN}"}`);
    });
});
