import { loadStandardCatalogue } from '../../project/catalogue';
import { UnsupportedError } from '../apex/errors';
import { catalogueOf, type ApexData, type DataSecurity } from '../apex/data/bridge';
import { databaseClasses } from '../apex/data/database';
import { describeClasses } from '../apex/data/describe';
import { dataExtensions } from '../apex/data/extensions';
import { registerCorePlatform } from '../apex/platform';
import { contextClasses } from '../apex/platform/contexts';
import { httpClasses, type CalloutService } from '../apex/platform/http';
import { ApexVm, type ApexSource } from '../apex/vm';
import type { FlowDefinition } from '../flow';
import type { SaveContext, Transaction } from '../org';
import { EmbeddedOrg } from '../scenario';
import type { OrgSchema } from '../schema';

export interface ApexOrgOptions {
    readonly schema: OrgSchema;
    readonly sources: readonly ApexSource[];
    /** The record-triggered flows that run as active. */
    readonly flows: readonly FlowDefinition[];
    /** Receives each debug-log line. */
    readonly log: (line: string) => void;
    /** The org's clock; the wall clock when absent. */
    readonly now?: () => number;
}

/**
 * Until the org models users and permissions, user-mode operations are refused rather than run
 * as if the user could do everything.
 */
const SYSTEM_MODE_ONLY: DataSecurity = {
    checkRead: (_object, _fields, mode, place) => {
        if (mode !== 'system') {
            throw new UnsupportedError(
                place,
                `a query ${mode === 'user' ? 'WITH USER_MODE' : 'WITH SECURITY_ENFORCED'}`
            );
        }
    },
    checkWrite: (_object, _operation, _fields, mode, place) => {
        if (mode !== 'system') {
            throw new UnsupportedError(place, 'DML as user');
        }
    },
    canAccess: (_object, access, field, place) => {
        throw new UnsupportedError(
            place,
            `describe's ${field ? 'field' : 'object'} ${access} access check`
        );
    }
};

/**
 * The embedded org with Apex: the project's classes in a VM whose SOQL and DML go to the org's
 * records in the running transaction, where the project's flows fire as they do for a scenario.
 * A driver (anonymous Apex, Apex tests) opens each transaction with `run`.
 */
export class ApexOrg {
    public readonly org: EmbeddedOrg;
    public readonly vm: ApexVm;
    private current: Transaction | undefined;
    private userId: string | null = null;
    /**
     * Callouts: none is made until the org has a callout target (a test's mock, or a base URL
     * on 127.0.0.1 that the caller configures).
     */
    private readonly callouts: CalloutService = {
        send: (_request, site) => {
            throw new UnsupportedError(
                site.place,
                'a callout without a mock or a configured stand-in'
            );
        }
    };

    public constructor(options: ApexOrgOptions) {
        const now = options.now ?? (() => Date.now());
        const context: SaveContext = { now, userId: () => this.userId };
        this.org = new EmbeddedOrg(options.schema, options.flows, undefined, context);
        const data: ApexData = {
            schema: options.schema,
            transaction: () => {
                if (!this.current) {
                    throw new Error('Apex ran outside a transaction of the embedded org.');
                }
                return this.current;
            },
            security: SYSTEM_MODE_ONLY
        };
        const catalogue = loadStandardCatalogue();
        const statusCodes = catalogue.apexType('System', 'StatusCode')?.values ?? [];
        this.vm = new ApexVm({
            sources: options.sources,
            log: options.log,
            sobjects: catalogueOf(options.schema),
            platform: (registry, services) => {
                registerCorePlatform(registry);
                registry.add(
                    ...httpClasses(this.callouts),
                    ...contextClasses,
                    ...describeClasses(data),
                    ...databaseClasses(data, services)
                );
            },
            extensions: dataExtensions(data),
            exceptions: catalogue
                .apexNamespaces()
                .flatMap((namespace) => catalogue.apexTypes(namespace))
                .filter((type) => type.superclass !== undefined && type.name.endsWith('Exception'))
                .map((type) => ({
                    name: `${type.namespace}.${type.name}`,
                    superclass: type.superclass ?? 'System.Exception'
                })),
            enums: {
                StatusCode: statusCodes,
                SObjectDescribeOptions:
                    catalogue.apexType('System', 'SObjectDescribeOptions')?.values ?? []
            },
            isPlatformType: (names) => {
                const [first = '', ...rest] = names;
                return rest.length === 0
                    ? catalogue.apexType('System', first) !== undefined
                    : catalogue.apexType(first, rest.join('.')) !== undefined;
            }
        });
    }

    /**
     * Runs Apex in one transaction: committed when it returns, rolled back (with everything it
     * did) when it throws, statics forgotten at its end as the platform forgets them.
     */
    public run<R>(body: () => R): R {
        const transaction = this.org.transaction();
        this.current = transaction;
        this.vm.newTransaction();
        try {
            const result = body();
            transaction.commit();
            return result;
        } catch (error: unknown) {
            transaction.rollback();
            throw error;
        } finally {
            this.current = undefined;
        }
    }
}
