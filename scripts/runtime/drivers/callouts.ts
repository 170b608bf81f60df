import type { ExternalCredentialDefinition } from '../../project/security';
import { UnsupportedError } from '../apex/errors';
import type { SourcePlace } from '../apex/model';
import type { HttpRequestState, HttpResponseState } from '../apex/platform/http';
import type { CallSite } from '../apex/services';
import { evaluateHeaderFormula } from './credentialFormulas';
import { isLoopbackHttp, requestSync, SyncHttpError } from './syncHttp';

/**
 * Callouts outside a test: Apex calls a named credential (DG "Named Credentials as Callout
 * Endpoints": `callout:My_Named_Credential/some_path`), and the org sends the request to the
 * stand-in the caller runs on this machine for that credential, in place of the credential's
 * URL. Nothing else is called: a direct endpoint, or a credential without a stand-in, is
 * refused as unsupported.
 *
 * A named credential on an external credential authenticates as the platform does: "At run time,
 * Salesforce ensures that the user has the permission set before accessing the remote system"
 * (Salesforce Help, "Enable External Credential Principals"), and the external credential's
 * custom headers go out with the principal's parameters in their formulas (Salesforce Help,
 * "Create and Edit Custom Headers"). Only the Custom protocol and named principals are modelled.
 */

/** A named credential of the project, as the router reads it. */
export interface CalloutCredential {
    readonly name: string;
    readonly url: string | undefined;
    /** The external credential that authenticates its callouts, by name. */
    readonly externalCredential?: string;
}

/** An external credential of the project, as the router reads it. */
export type CalloutExternalCredential = Pick<
    ExternalCredentialDefinition,
    'name' | 'file' | 'line' | 'protocol' | 'principals' | 'authHeaders'
>;

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
    /** The project's external credentials, by name. */
    readonly externalCredentials: ReadonlyMap<string, CalloutExternalCredential>;
    /**
     * The principal of an external credential the running user may use (by its name,
     * `CalendlyAdmin`), from the permission sets assigned to them; undefined when none.
     */
    readonly principalAccess: (externalCredential: string) => string | undefined;
    /**
     * The principals' authentication parameters, as an admin enters them in Setup: by
     * `ExternalCredential-Principal` (`Calendly-CalendlyAdmin`), then by parameter name.
     */
    readonly principals: ReadonlyMap<string, ReadonlyMap<string, string>>;
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
    failed: (reason: string) => `IO Exception: ${reason}`,
    /**
     * [2nd: a vendor's troubleshooting page for external credentials quotes it whole
     * (docs.enosix.io, "Creating External Credentials")] for a user without a principal of the
     * external credential. [verify in an org]: the name's namespace prefix in a package.
     */
    noPrincipal: (externalCredential: string) =>
        `We couldn't access the credential(s). You might not have the required permissions, or the external credential "${externalCredential}" might not exist.`,
    /**
     * [verify in an org]: the platform's wording when a header formula reads a parameter the
     * principal lacks (an admin has not entered it in Setup). Names, never values.
     */
    missingParameter: (externalCredential: string, principal: string, parameter: string) =>
        `The principal "${principal}" of the external credential "${externalCredential}" has no authentication parameter "${parameter}".`
} as const;

/** The headers a callout sends, or the CalloutException message the platform raises instead. */
type Authentication =
    | { readonly kind: 'headers'; readonly headers: readonly (readonly [string, string])[] }
    | { readonly kind: 'exception'; readonly message: string };

export class CalloutRouter {
    private readonly credentials = new Map<string, CalloutCredential>();
    private readonly standIns = new Map<string, string>();
    private readonly prefix: string | undefined;
    private readonly externalCredentials = new Map<string, CalloutExternalCredential>();
    private readonly principalAccess: (externalCredential: string) => string | undefined;
    private readonly principals = new Map<string, ReadonlyMap<string, string>>();

    public constructor(options: CalloutRouterOptions) {
        for (const credential of options.externalCredentials.values()) {
            this.externalCredentials.set(credential.name.toLowerCase(), credential);
        }
        for (const [name, parameters] of options.principals) {
            this.principals.set(name.toLowerCase(), parameters);
        }
        this.principalAccess = options.principalAccess;
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
        const authentication = this.authenticate(route.credential, request, site.place);
        if (authentication.kind === 'exception') {
            return site.vm.raise('CalloutException', authentication.message);
        }
        try {
            const response = requestSync({
                method: request.method,
                url: route.url,
                headers: [...request.headers, ...authentication.headers],
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

    /**
     * The headers the named credential's external credential adds, for the principal the running
     * user may use; none for a named credential without one. An external credential the project
     * does not define, like a user without a principal, is the platform's CalloutException.
     */
    private authenticate(
        credentialName: string,
        request: HttpRequestState,
        place: SourcePlace
    ): Authentication {
        const written = this.credentials.get(credentialName.toLowerCase())?.externalCredential;
        if (written === undefined) {
            return { kind: 'headers', headers: [] };
        }
        const external = this.externalCredentials.get(this.local(written).toLowerCase());
        if (!external) {
            return { kind: 'exception', message: MESSAGES.noPrincipal(written) };
        }
        if (external.protocol !== 'Custom') {
            throw new UnsupportedError(
                place,
                `a callout through the external credential ${external.name}, whose authentication protocol is ${external.protocol},`
            );
        }
        const granted = this.principalAccess(external.name);
        if (granted === undefined) {
            return { kind: 'exception', message: MESSAGES.noPrincipal(external.name) };
        }
        const principal = external.principals.find(
            (candidate) => candidate.name.toLowerCase() === granted.toLowerCase()
        );
        if (!principal) {
            throw new Error(
                `The principal access gave ${granted}, which is not a principal of the external credential ${external.name}.`
            );
        }
        if (principal.type !== 'NamedPrincipal') {
            throw new UnsupportedError(
                place,
                `a callout as the ${principal.type} ${principal.name} of the external credential ${external.name}`
            );
        }
        // Merge fields in the request's own headers and body (the named credential's
        // allowMergeFieldsInHeader and allowMergeFieldsInBody) are not evaluated here.
        for (const [name, value] of request.headers) {
            if (value.includes('{!')) {
                throw new UnsupportedError(place, `the merge field in the callout header ${name}`);
            }
        }
        if (request.body?.includes('{!$') === true) {
            throw new UnsupportedError(place, 'a merge field in the callout body');
        }
        const parameters = this.principals.get(`${external.name}-${principal.name}`.toLowerCase());
        const parameter = (name: string): string | undefined => {
            // [verify in an org]: parameter names compare without regard to case, as API names.
            const key = name.toLowerCase();
            for (const [candidate, value] of parameters ?? []) {
                if (candidate.toLowerCase() === key) {
                    return value;
                }
            }
            return undefined;
        };
        const headers: (readonly [string, string])[] = [];
        for (const header of inSequence(external.authHeaders)) {
            if ([...request.headers.keys()].some((name) => sameHeader(name, header.name))) {
                // [verify in an org]: which of the two a callout sends.
                throw new UnsupportedError(
                    place,
                    `a callout that sets the header ${header.name}, which the external credential ${external.name} also sets,`
                );
            }
            const value = evaluateHeaderFormula(header, external.name, parameter);
            if (value.kind === 'missing') {
                return {
                    kind: 'exception',
                    message: MESSAGES.missingParameter(
                        external.name,
                        principal.name,
                        value.parameter
                    )
                };
            }
            headers.push([header.name, value.value]);
        }
        return { kind: 'headers', headers };
    }

    /** A credential's name without the project's own namespace prefix. */
    private local(name: string): string {
        return this.prefix && name.toLowerCase().startsWith(this.prefix)
            ? name.slice(this.prefix.length)
            : name;
    }
}

/**
 * "Headers with lower numbers are sent out first" (Salesforce Help, "Create and Edit Custom
 * Headers"); a header without a sequence number after those with one, in the file's order
 * [verify in an org].
 */
function inSequence<T extends { readonly sequence: number | undefined }>(
    headers: readonly T[]
): T[] {
    const rank = (header: T): number => header.sequence ?? Number.POSITIVE_INFINITY;
    return [...headers].sort((left, right) => rank(left) - rank(right));
}

/** HTTP field names are case-insensitive (RFC 9110 §5.1). */
function sameHeader(left: string, right: string): boolean {
    return left.toLowerCase() === right.toLowerCase();
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
