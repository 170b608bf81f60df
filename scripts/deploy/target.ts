import { ConfigAggregator } from '@salesforce/core/configAggregator';
import { StateAggregator } from '@salesforce/core/stateAggregator';
import { deployMessages as M } from './messages';
import { UsageError } from '../shared/command';
import type { TargetOrg } from './types';

/**
 * The sf CLI's default org, from its configuration (project, then global) or SF_TARGET_ORG.
 * Only @salesforce/core's configuration and state modules are loaded here, not the whole
 * library, so that a missing login is reported at once.
 */
async function defaultTargetOrg(): Promise<string | undefined> {
    const config = await ConfigAggregator.create();
    const value = config.getPropertyValue('target-org');
    return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The org to deploy to, from the sf CLI's saved logins, without contacting it. Throws
 * UsageError, with the command that logs in, when there is no such login.
 */
export async function findTargetOrg(name?: string): Promise<TargetOrg> {
    const wanted = name ?? (await defaultTargetOrg());
    if (wanted === undefined) {
        throw new UsageError(M.noTargetOrg());
    }
    const state = await StateAggregator.getInstance();
    const username = state.aliases.resolveUsername(wanted);
    if (!(await state.orgs.hasFile(username))) {
        throw new UsageError(M.notLoggedIn(wanted));
    }
    return { name: wanted, username };
}
