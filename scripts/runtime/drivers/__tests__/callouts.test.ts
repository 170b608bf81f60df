import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { UnsupportedError } from '../../apex/errors';
import type { HttpRequestState } from '../../apex/platform/http';
import type { CallSite } from '../../apex/services';
import { CalloutRouter, type CalloutExternalCredential } from '../callouts';
import { requestSync, stopSyncHttp } from '../syncHttp';

/** An Apex exception the stub VM raised. */
class RaisedApexException extends Error {
    public constructor(
        public readonly exceptionName: string,
        message: string
    ) {
        super(`${exceptionName}: ${message}`);
    }
}

const PLACE = { file: 'force-app/main/default/classes/CalendlyApiClient.cls', line: 208 };

/** The part of a CallSite the router uses: where it is and how to raise an Apex exception. */
const SITE = {
    place: PLACE,
    vm: {
        raise: (name: string, message: string): never => {
            throw new RaisedApexException(name, message);
        }
    }
} as unknown as CallSite;

const CREDENTIALS = new Map([
    ['Calendly', { name: 'Calendly', url: 'https://api.calendly.com' }],
    ['Unstood', { name: 'Unstood', url: 'https://example.com' }]
]);

function request(state: Partial<HttpRequestState>): HttpRequestState {
    return {
        endpoint: null,
        method: 'GET',
        body: null,
        headers: new Map(),
        timeout: 10_000,
        ...state
    };
}

/**
 * The stand-ins, in a thread of their own: a callout blocks this thread until it is answered,
 * so a server on this thread's event loop could never answer. `echo` answers each request with
 * what it received; `silent` reads each request and never answers.
 */
const STAND_INS = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const echo = http.createServer((incoming, outgoing) => {
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => {
        outgoing.statusCode = 201;
        outgoing.statusMessage = 'Created';
        outgoing.setHeader('Content-Type', 'application/json');
        outgoing.setHeader('X-Page', ['1', '2']);
        outgoing.end(JSON.stringify({
            method: incoming.method,
            url: incoming.url,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8')
        }));
    });
});
const silent = http.createServer(() => undefined);
echo.listen(0, '127.0.0.1', () => {
    silent.listen(0, '127.0.0.1', () => {
        parentPort.postMessage({ echo: echo.address().port, silent: silent.address().port });
    });
});
`;

/** A port that was just listening and no longer is: nobody accepts there. */
async function closedPort(): Promise<number> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

/** Runs a synchronous call and gives the Apex exception it raised. */
function raised(call: () => unknown): RaisedApexException {
    try {
        call();
    } catch (error) {
        if (error instanceof RaisedApexException) {
            return error;
        }
        throw error;
    }
    throw new Error('No Apex exception was raised.');
}

describe('CalloutRouter', () => {
    let standIns: Worker | undefined;
    let echoUrl = '';
    let silentUrl = '';
    let refusedUrl = '';

    beforeAll(async () => {
        const thread = new Worker(STAND_INS, { eval: true });
        standIns = thread;
        const ports = await new Promise<{ echo: number; silent: number }>((resolve, reject) => {
            thread.once('message', resolve);
            thread.once('error', reject);
        });
        echoUrl = `http://127.0.0.1:${ports.echo}`;
        silentUrl = `http://127.0.0.1:${ports.silent}`;
        refusedUrl = `http://127.0.0.1:${await closedPort()}`;
    });

    afterAll(async () => {
        await Promise.all([standIns?.terminate(), stopSyncHttp()]);
    });

    function router(standIns: Record<string, string>): CalloutRouter {
        return new CalloutRouter({
            namedCredentials: CREDENTIALS,
            standIns: new Map(Object.entries(standIns)),
            namespace: 'cly',
            externalCredentials: new Map(),
            principalAccess: () => undefined,
            principals: new Map()
        });
    }

    it('sends the method, path, query, headers and body to the stand-in and returns its answer', () => {
        const headers = new Map([
            ['Accept', 'application/json'],
            ['X-Trace', 'sync-1']
        ]);
        const response = router({ Calendly: echoUrl }).send(
            request({
                endpoint: 'callout:Calendly/event_types?organization=ORG&count=100',
                method: 'POST',
                headers,
                body: '{"name":"Intro call"}'
            }),
            SITE
        );

        expect(JSON.parse(response.body ?? '')).toEqual({
            method: 'POST',
            url: '/event_types?organization=ORG&count=100',
            headers: expect.objectContaining({
                accept: 'application/json',
                'x-trace': 'sync-1'
            }) as unknown,
            body: '{"name":"Intro call"}'
        });
        expect(response.statusCode).toBe(201);
        expect(response.status).toBe('Created');
        expect(response.headers.get('Content-Type')).toBe('application/json');
        expect(response.headers.get('X-Page')).toBe('1, 2');
    });

    it("reads the project's namespace prefix and the credential's name without regard to case", () => {
        const calls = router({ calendly: `${echoUrl}/v2/` });

        expect(calls.route('callout:cly__Calendly/users/me', PLACE)).toEqual({
            kind: 'stand-in',
            credential: 'Calendly',
            url: `${echoUrl}/v2/users/me`
        });
        expect(calls.route('CALLOUT:calendly?page=2', PLACE)).toEqual({
            kind: 'stand-in',
            credential: 'Calendly',
            url: `${echoUrl}/v2?page=2`
        });
    });

    it('answers a credential the project does not define with a CalloutException', () => {
        const calls = router({ Calendly: echoUrl });
        const expected = (name: string) =>
            `CalloutException: The callout couldn't access the endpoint. You might not have the required permissions, or the named credential "${name}" might not exist.`;

        expect(
            raised(() => calls.send(request({ endpoint: 'callout:Zoom/meetings' }), SITE)).message
        ).toBe(expected('Zoom'));
        // Another package's namespace is not the project's: its credential is not defined here.
        expect(calls.route('callout:other__Calendly/users/me', PLACE)).toEqual({
            kind: 'exception',
            exception: 'CalloutException',
            message: expected('other__Calendly').replace('CalloutException: ', '')
        });
    });

    it('refuses a direct endpoint and a credential without a stand-in as unsupported', () => {
        const calls = router({ Calendly: echoUrl });

        expect(() =>
            calls.send(request({ endpoint: 'https://api.calendly.com/users/me' }), SITE)
        ).toThrow(
            new UnsupportedError(
                PLACE,
                'a callout to https://api.calendly.com/users/me outside a test: only a stand-in on 127.0.0.1 is called'
            )
        );
        expect(() => calls.send(request({ endpoint: `${echoUrl}/users/me` }), SITE)).toThrow(
            UnsupportedError
        );
        expect(() => calls.route('callout:Unstood/things', PLACE)).toThrow(
            'a callout to callout:Unstood/things outside a test: only a stand-in on 127.0.0.1 is called'
        );
    });

    it('takes only a stand-in on the loopback address', () => {
        expect(() => router({ Calendly: 'https://api.calendly.com' })).toThrow(
            'The stand-in for the named credential Calendly is https://api.calendly.com'
        );
    });

    it('raises Read timed out when the stand-in does not answer within the timeout', () => {
        const calls = router({ Calendly: silentUrl });

        expect(
            raised(() =>
                calls.send(request({ endpoint: 'callout:Calendly/users/me', timeout: 200 }), SITE)
            ).message
        ).toBe('CalloutException: Read timed out');
    });

    it('raises a CalloutException naming the endpoint when nothing listens at the stand-in', () => {
        const calls = router({ Calendly: refusedUrl });

        expect(
            raised(() => calls.send(request({ endpoint: 'callout:Calendly/users/me' }), SITE))
                .message
        ).toBe('CalloutException: Connection refused: callout:Calendly/users/me');
    });
});

const EXTERNAL_FILE =
    'force-app/main/default/externalCredentials/Calendly.externalCredential-meta.xml';

/** The package's Calendly external credential, as the project model reads it. */
const CALENDLY: CalloutExternalCredential = {
    name: 'Calendly',
    file: EXTERNAL_FILE,
    line: 2,
    protocol: 'Custom',
    principals: [
        {
            name: 'CalendlyAdmin',
            type: 'NamedPrincipal',
            parameterGroup: 'CalendlyAdmin',
            sequence: 1,
            file: EXTERNAL_FILE,
            line: 5
        }
    ],
    authHeaders: [
        {
            name: 'Authorization',
            formula: "{!'Bearer ' & $Credential.Calendly.Token}",
            sequence: 1,
            file: EXTERNAL_FILE,
            line: 12
        }
    ]
};

const TOKEN = 'calendly-pat-7f3a';

describe('CalloutRouter through an external credential', () => {
    let standIns: Worker | undefined;
    let echoUrl = '';
    let refusedUrl = '';

    beforeAll(async () => {
        const thread = new Worker(STAND_INS, { eval: true });
        standIns = thread;
        const ports = await new Promise<{ echo: number }>((resolve, reject) => {
            thread.once('message', resolve);
            thread.once('error', reject);
        });
        echoUrl = `http://127.0.0.1:${ports.echo}`;
        refusedUrl = `http://127.0.0.1:${await closedPort()}`;
    });

    afterAll(async () => {
        await Promise.all([standIns?.terminate(), stopSyncHttp()]);
    });

    interface Setup {
        readonly standIn?: string;
        readonly external?: CalloutExternalCredential;
        readonly principal?: string | undefined;
        readonly parameters?: Record<string, string>;
        readonly asked?: string[];
    }

    /** The Calendly named credential on its external credential, as an admin set it up. */
    function router(setup: Setup = {}): CalloutRouter {
        const principal = 'principal' in setup ? setup.principal : 'CalendlyAdmin';
        return new CalloutRouter({
            namedCredentials: new Map([
                [
                    'Calendly',
                    {
                        name: 'Calendly',
                        url: 'https://api.calendly.com',
                        externalCredential: 'Calendly'
                    }
                ]
            ]),
            standIns: new Map([['Calendly', setup.standIn ?? echoUrl]]),
            externalCredentials: new Map([['Calendly', setup.external ?? CALENDLY]]),
            principalAccess: (externalCredential) => {
                setup.asked?.push(externalCredential);
                return principal;
            },
            principals: new Map([
                [
                    'Calendly-CalendlyAdmin',
                    new Map(Object.entries(setup.parameters ?? { Token: TOKEN }))
                ]
            ])
        });
    }

    /** What the echo stand-in received. */
    function sent(calls: CalloutRouter, headers: Record<string, string> = {}) {
        const response = calls.send(
            request({
                endpoint: 'callout:Calendly/users/me',
                headers: new Map(Object.entries(headers))
            }),
            SITE
        );
        return JSON.parse(response.body ?? '') as { headers: Record<string, string> };
    }

    /** Runs a synchronous call and gives the UnsupportedError it threw. */
    function refused(call: () => unknown): UnsupportedError {
        try {
            call();
        } catch (error) {
            if (error instanceof UnsupportedError) {
                return error;
            }
            throw error;
        }
        throw new Error('No UnsupportedError was thrown.');
    }

    it("sends the external credential's header with the principal's token", () => {
        // Given a user granted the CalendlyAdmin principal, whose Token an admin entered
        const asked: string[] = [];
        const calls = router({ asked });

        // When Apex calls out with its own header
        const received = sent(calls, { Accept: 'application/json' });

        // Then the header formula's value goes out beside the request's own header
        expect(received.headers).toMatchObject({
            authorization: `Bearer ${TOKEN}`,
            accept: 'application/json'
        });
        expect(asked).toEqual(['Calendly']);
    });

    it('sends the headers in their sequence, and parameters named without regard to case', () => {
        const calls = router({
            external: {
                ...CALENDLY,
                authHeaders: [
                    { ...header('X-Second', "{!'b'}"), sequence: 2 },
                    {
                        ...header('X-First', "{! $Credential.calendly.token & '-' & 'a' }"),
                        sequence: 1
                    }
                ]
            }
        });

        const received = sent(calls);

        expect(received.headers).toMatchObject({ 'x-first': `${TOKEN}-a`, 'x-second': 'b' });
        const names = Object.keys(received.headers);
        expect(names.indexOf('x-first')).toBeLessThan(names.indexOf('x-second'));
    });

    it('raises a CalloutException naming the credential for a user without its principal', () => {
        // Given a user whose permission sets enable no principal of the external credential,
        // and a stand-in that would refuse a connection if anything were sent
        const calls = router({ principal: undefined, standIn: refusedUrl });

        // When Apex calls out, then nothing is sent and the platform's exception is raised
        const message = raised(() => sent(calls)).message;
        expect(message).toBe(
            'CalloutException: We couldn\'t access the credential(s). You might not have the required permissions, or the external credential "Calendly" might not exist.'
        );
        // The package's client recognises a credential problem by these words.
        expect(message).toMatch(/credential/i);
        expect(message).toMatch(/permission/i);
    });

    it('raises a CalloutException naming the parameter, never a secret, when the token is missing', () => {
        // Given a principal whose parameters hold no Token
        const calls = router({ parameters: { Secret: TOKEN }, standIn: refusedUrl });

        const message = raised(() => sent(calls)).message;

        expect(message).toBe(
            'CalloutException: The principal "CalendlyAdmin" of the external credential "Calendly" has no authentication parameter "Token".'
        );
        expect(message).not.toContain(TOKEN);
    });

    it('refuses a formula beyond text, $Credential parameters and & as unsupported, at its line', () => {
        const failing = (formula: string) =>
            refused(() =>
                sent(
                    router({
                        external: { ...CALENDLY, authHeaders: [header('Authorization', formula)] }
                    })
                )
            );

        const functionCall = failing('{!BASE64ENCODE(BLOB($Credential.Calendly.Token))}');
        expect(functionCall.message).toBe(
            `${EXTERNAL_FILE}:12: "BASE64ENCODE(" in the formula of the custom header Authorization of the external credential Calendly is not supported by the embedded org`
        );
        expect(functionCall.message).not.toContain(TOKEN);
        expect(failing('Bearer {!$Credential.Calendly.Token}').message).toContain(
            'text outside {!...} in the formula of the custom header Authorization'
        );
        expect(failing("{!'Bearer ' + $Credential.Calendly.Token}").message).toContain('"+"');
        expect(failing("{!'Bearer ' & }").message).toContain('an empty operand');
        expect(failing("{!'it\\'s'}").message).toContain('a text literal with a backslash escape');
        expect(failing('{!$Credential.Zoom.Token}').message).toContain(
            '$Credential.Zoom.Token, a parameter of another external credential,'
        );
        expect(failing('{!$User.Email}').message).toContain('"$User.Email"');
    });

    it('refuses what the embedded org does not model about the credential as unsupported', () => {
        expect(() => sent(router({ external: { ...CALENDLY, protocol: 'Oauth' } }))).toThrow(
            `${PLACE.file}:${PLACE.line}: a callout through the external credential Calendly, whose authentication protocol is Oauth, is not supported by the embedded org`
        );
        const perUser = router({
            external: {
                ...CALENDLY,
                principals: CALENDLY.principals.map((principal) => ({
                    ...principal,
                    type: 'PerUserPrincipal' as const
                }))
            }
        });
        expect(() => sent(perUser)).toThrow(
            'a callout as the PerUserPrincipal CalendlyAdmin of the external credential Calendly is not supported'
        );
        expect(() => sent(router(), { authorization: 'Bearer mine' })).toThrow(
            'a callout that sets the header Authorization, which the external credential Calendly also sets, is not supported'
        );
        expect(() => sent(router(), { 'X-Token': '{!$Credential.Calendly.Token}' })).toThrow(
            'the merge field in the callout header X-Token is not supported'
        );
    });
});

function header(name: string, formula: string) {
    return { name, formula, sequence: undefined, file: EXTERNAL_FILE, line: 12 };
}

describe('requestSync', () => {
    afterAll(() => stopSyncHttp());

    it.each([
        'https://api.calendly.com/users/me',
        'http://api.calendly.com/users/me',
        'http://10.0.0.1:4010/users/me',
        'ftp://127.0.0.1/users'
    ])('calls nothing but http: on the loopback address: %s', (url) => {
        expect(() =>
            requestSync({ method: 'GET', url, headers: [], body: null, timeoutMs: 1000 })
        ).toThrow(`Refused to call ${url}`);
    });
});
