import { UnsupportedError } from '../apex/errors';
import type { SourcePlace } from '../apex/model';
import type { HttpRequestState, HttpResponseState } from '../apex/platform/http';
import type { CallSite } from '../apex/services';
import { isLoopbackHttp, requestSync, SyncHttpError } from './syncHttp';

/**
 * Callouts outside a test: Apex calls a named credential (DG "Named Credentials as Callout
 * Endpoints": `callout:My_Named_Credential/some_path`), and the org sends the request to the
 * stand-in the caller runs on this machine for that credential, in place of the credential's
 * URL. Nothing else is called: a direct endpoint, or a credential without a stand-in, is
 * refused as unsupported.
 */

/** A named credential of the project, as the router reads it. */
export interface CalloutCredential {
    readonly name: string;
    readonly url: string | undefined;
}

export interface CalloutRouterOptions {
    /** The project's named credentials, by name. */
    readonly namedCredentials: ReadonlyMap<string, CalloutCredential>;
    /**
     * The stand-in for a named credential, by credential name: a base URL on the loopback
     * address (`http://127.0.0.1:4010`, or with a path) that replaces the credential's URL.
     */
    readonly standIns: ReadonlyMap<string, string>;
    /** The project's namespace (sfdx-project.json): `callout:ns__Name` names its own `Name`. */
    readonly namespace?: string;
}

/** Where a callout goes: a stand-in's URL, or the CalloutException the platform raises. */
export type CalloutRoute =
    | { readonly kind: 'stand-in'; readonly credential: string; readonly url: string }
    | {
          readonly kind: 'exception';
          readonly exception: 'CalloutException';
          readonly message: string;
      };

/** `callout:` then the credential's name, up to the path, the query or the end. */
const NAMED_CREDENTIAL_ENDPOINT = /^callout:([^/?#]*)(.*)$/is;

/**
 * The platform's messages, each with its source: [2nd] is public code and notes quoting the
 * platform, [verify in an org] a message no source gave.
 */
const MESSAGES = {
    /** [2nd: troubleshooting notes of several public projects quote it whole] */
    unknownCredential: (name: string) =>
        `The callout couldn't access the endpoint. You might not have the required permissions, or the named credential "${name}" might not exist.`,
    /** [2nd: logs; APEX.md §11] */
    timeout: 'Read timed out',
    /** [verify in an org]: the platform's wording for a server that refuses the connection. */
    refused: (endpoint: string) => `Connection refused: ${endpoint}`,
    /** [verify in an org]: "IO Exception:" is the prefix public logs show for network failures. */
    failed: (reason: string) => `IO Exception: ${reason}`
} as const;

export class CalloutRouter {
    private readonly credentials = new Map<string, CalloutCredential>();
    private readonly standIns = new Map<string, string>();
    private readonly prefix: string | undefined;

    public constructor(options: CalloutRouterOptions) {
        for (const credential of options.namedCredentials.values()) {
            this.credentials.set(credential.name.toLowerCase(), credential);
        }
        for (const [name, url] of options.standIns) {
            if (!isLoopbackHttp(url)) {
                throw new Error(
                    `The stand-in for the named credential ${name} is ${url}: a stand-in must be http: on 127.0.0.1, localhost or ::1.`
                );
            }
            this.standIns.set(name.toLowerCase(), url.replace(/\/+$/, ''));
        }
        this.prefix = options.namespace ? `${options.namespace.toLowerCase()}__` : undefined;
    }

    /**
     * Where an endpoint goes. Credential names are read without regard to case, and with the
     * project's namespace prefix optional ([verify in an org]: the case of `callout:` names).
     * Throws UnsupportedError for a direct endpoint and for a credential without a stand-in.
     */
    public route(endpoint: string, place: SourcePlace): CalloutRoute {
        const match = NAMED_CREDENTIAL_ENDPOINT.exec(endpoint);
        if (!match) {
            throw unsupported(place, endpoint);
        }
        const written = match[1] ?? '';
        const rest = match[2] ?? '';
        const credential = this.credentials.get(this.local(written).toLowerCase());
        if (!credential) {
            return {
                kind: 'exception',
                exception: 'CalloutException',
                message: MESSAGES.unknownCredential(written)
            };
        }
        const base = this.standIns.get(credential.name.toLowerCase());
        if (base === undefined) {
            throw unsupported(place, endpoint);
        }
        return { kind: 'stand-in', credential: credential.name, url: base + rest };
    }

    /**
     * Sends a request Apex built to its stand-in and answers as HttpResponse does; a timeout,
     * a refused connection or another network failure is the program's CalloutException.
     */
    public send(request: HttpRequestState, site: CallSite): HttpResponseState {
        if (request.endpoint === null) {
            throw new UnsupportedError(site.place, 'a callout with no endpoint set');
        }
        if (request.method === null) {
            throw new UnsupportedError(site.place, 'a callout with no method set');
        }
        const route = this.route(request.endpoint, site.place);
        if (route.kind === 'exception') {
            return site.vm.raise(route.exception, route.message);
        }
        try {
            const response = requestSync({
                method: request.method,
                url: route.url,
                headers: [...request.headers],
                body: request.body,
                timeoutMs: request.timeout
            });
            return {
                statusCode: response.status,
                status: response.statusText,
                body: response.body,
                headers: responseHeaders(response.headers)
            };
        } catch (error) {
            if (!(error instanceof SyncHttpError)) {
                throw error;
            }
            switch (error.kind) {
                case 'timeout':
                    return site.vm.raise('CalloutException', MESSAGES.timeout);
                case 'refused':
                    return site.vm.raise('CalloutException', MESSAGES.refused(request.endpoint));
                case 'failed':
                    return site.vm.raise('CalloutException', MESSAGES.failed(error.message));
            }
        }
    }

    /** A credential's name without the project's own namespace prefix. */
    private local(name: string): string {
        return this.prefix && name.toLowerCase().startsWith(this.prefix)
            ? name.slice(this.prefix.length)
            : name;
    }
}

function unsupported(place: SourcePlace, endpoint: string): UnsupportedError {
    return new UnsupportedError(
        place,
        `a callout to ${endpoint} outside a test: only a stand-in on 127.0.0.1 is called`
    );
}

/**
 * The response's headers by name. A name the server repeats is one header whose values are
 * joined with commas, as HTTP allows (RFC 9110 §5.3). [verify in an org: HttpResponse's
 * getHeader for a repeated header]
 */
function responseHeaders(pairs: readonly (readonly [string, string])[]): Map<string, string> {
    const headers = new Map<string, string>();
    const names = new Map<string, string>();
    for (const [name, value] of pairs) {
        const first = names.get(name.toLowerCase());
        if (first === undefined) {
            names.set(name.toLowerCase(), name);
            headers.set(name, value);
        } else {
            headers.set(first, `${headers.get(first) ?? ''}, ${value}`);
        }
    }
    return headers;
}
