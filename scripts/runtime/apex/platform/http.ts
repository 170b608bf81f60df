import { ListValue, PlatformValue, type Value } from '../model';
import type { CallSite, PlatformClass, PlatformMethod } from '../services';
import { T } from '../types';
import { method, required } from './define';
import { refuse } from './refuse';

/**
 * System.Http, HttpRequest and HttpResponse (RG "Http Class", "HttpRequest Class", "HttpResponse
 * Class"). A request and a response are plain state; `Http.send` hands the request to the
 * org's callout service, which answers from the test's mock or from the base URL the caller
 * configured, and refuses everything else.
 */

/** A request as Apex built it. */
export interface HttpRequestState {
    endpoint: string | null;
    method: string | null;
    body: string | null;
    /** Header names as set, in order; a name set again replaces its value. */
    readonly headers: Map<string, string>;
    /** Milliseconds; the platform's default is 10 seconds (DG "Callout Limits and Limitations"). */
    timeout: number;
}

/** A response: from a mock, or from the stand-in the callout service called. */
export interface HttpResponseState {
    statusCode: number;
    status: string | null;
    body: string | null;
    readonly headers: Map<string, string>;
}

/** What answers `Http.send`: the org's callout service. */
export interface CalloutService {
    send(request: HttpRequestState, site: CallSite): HttpResponseState;
}

export const REQUEST = 'System.HttpRequest';
export const RESPONSE = 'System.HttpResponse';

export function requestOf(value: Value): HttpRequestState {
    return (value as PlatformValue).state as unknown as HttpRequestState;
}

export function responseOf(value: Value): HttpResponseState {
    return (value as PlatformValue).state as unknown as HttpResponseState;
}

export function newResponse(state?: Partial<HttpResponseState>): PlatformValue {
    const response: HttpResponseState = {
        statusCode: 0,
        status: null,
        body: null,
        headers: new Map(),
        ...state
    };
    return new PlatformValue(RESPONSE, response as unknown as Record<string, unknown>);
}

/** A header by name: HTTP header names are case-insensitive. [verify in an org: getHeader case] */
/**
 * A header by its name as set. Whether getHeader ignores the case of the name is not documented
 * (APEX.md §11): a name that matches a header only when case is ignored is refused, so that code
 * relying on either answer is found offline. [verify in an org]
 */
function header(headers: Map<string, string>, name: Value, site: CallSite): string | null {
    if (name === null) {
        return null;
    }
    const wanted = name as string;
    const exact = headers.get(wanted);
    if (exact !== undefined) {
        return exact;
    }
    const other = [...headers.keys()].find((key) => key.toLowerCase() === wanted.toLowerCase());
    if (other !== undefined) {
        return refuse(
            site,
            `getHeader('${wanted}') of a header set as '${other}' (whether header names are case-insensitive is not documented)`
        );
    }
    return null;
}

function setHeader(headers: Map<string, string>, name: string, value: string): void {
    for (const key of headers.keys()) {
        if (key.toLowerCase() === name.toLowerCase()) {
            headers.delete(key);
        }
    }
    headers.set(name, value);
}

/** The body and headers a request and a response both have, read and written alike. */
function messageMethods(
    stateOf: (value: Value) => { body: string | null; readonly headers: Map<string, string> }
): PlatformMethod[] {
    return [
        method('getBody', [], T.string, (self) => stateOf(self).body),
        method('setBody', [T.string], T.void, (self, [value = null]) => {
            stateOf(self).body = value as string | null;
            return null;
        }),
        method('getHeader', [T.string], T.string, (self, [name = null], site) =>
            header(stateOf(self).headers, name, site)
        ),
        method(
            'setHeader',
            [T.string, T.string],
            T.void,
            (self, [name = null, value = null], site) => {
                setHeader(
                    stateOf(self).headers,
                    required(name, site) as string,
                    (value as string | null) ?? ''
                );
                return null;
            }
        )
    ];
}

const requestClass: PlatformClass = {
    name: REQUEST,
    names: ['httprequest', 'system.httprequest'],
    constructors: [
        method('HttpRequest', [], T.platform(REQUEST), () => {
            const state: HttpRequestState = {
                endpoint: null,
                method: null,
                body: null,
                headers: new Map(),
                timeout: 10_000
            };
            return new PlatformValue(REQUEST, state as unknown as Record<string, unknown>);
        })
    ],
    instanceMethods: [
        method('setEndpoint', [T.string], T.void, (self, [value = null]) => {
            requestOf(self).endpoint = value as string | null;
            return null;
        }),
        method('getEndpoint', [], T.string, (self) => requestOf(self).endpoint),
        method('setMethod', [T.string], T.void, (self, [value = null]) => {
            requestOf(self).method = value as string | null;
            return null;
        }),
        method('getMethod', [], T.string, (self) => requestOf(self).method),
        ...messageMethods(requestOf),
        method('setTimeout', [T.integer], T.void, (self, [value = null], site) => {
            const timeout = required(value, site) as number;
            // "The timeout can be any value between 1 and 120,000 milliseconds" (DG "Callout
            // Limits and Limitations"). [verify in an org: the exception for a value outside]
            if (timeout < 1 || timeout > 120_000) {
                return site.vm.raise(
                    'CalloutException',
                    `Timeout value must be between 1 and 120000 milliseconds: ${timeout}`
                );
            }
            requestOf(self).timeout = timeout;
            return null;
        })
    ]
};

const responseClass: PlatformClass = {
    name: RESPONSE,
    names: ['httpresponse', 'system.httpresponse'],
    constructors: [method('HttpResponse', [], T.platform(RESPONSE), () => newResponse())],
    instanceMethods: [
        method('getStatusCode', [], T.integer, (self) => responseOf(self).statusCode),
        method('setStatusCode', [T.integer], T.void, (self, [value = null]) => {
            responseOf(self).statusCode = (value as number | null) ?? 0;
            return null;
        }),
        method('getStatus', [], T.string, (self) => responseOf(self).status),
        method('setStatus', [T.string], T.void, (self, [value = null]) => {
            responseOf(self).status = value as string | null;
            return null;
        }),
        ...messageMethods(responseOf),
        method(
            'getHeaderKeys',
            [],
            T.list(T.string),
            (self) => new ListValue(T.string, [...responseOf(self).headers.keys()])
        )
    ]
};

/** Http, HttpRequest and HttpResponse, with `send` answered by the callout service. */
export function httpClasses(callouts: CalloutService): PlatformClass[] {
    const httpClass: PlatformClass = {
        name: 'System.Http',
        names: ['http', 'system.http'],
        constructors: [
            method(
                'Http',
                [],
                T.platform('System.Http'),
                () => new PlatformValue('System.Http', {})
            )
        ],
        instanceMethods: [
            method(
                'send',
                [T.platform(REQUEST)],
                T.platform(RESPONSE),
                (_self, [request = null], site) => {
                    const state = callouts.send(requestOf(required(request, site)), site);
                    return new PlatformValue(RESPONSE, state as unknown as Record<string, unknown>);
                }
            )
        ]
    };
    return [httpClass, requestClass, responseClass];
}
