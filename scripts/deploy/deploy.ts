import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from '@salesforce/core';
import { ComponentSet, type MetadataApiDeployOptions } from '@salesforce/source-deploy-retrieve';
import type { ProjectLayout } from '../build';
import { progressOf, summariseDeploy } from './summary';
import type { DeployOptions, DeployOutcome, DeployProgress } from './types';

/** The Metadata API's deploy options, as SDR passes them on. */
type ApiOptions = NonNullable<MetadataApiDeployOptions['apiOptions']>;

/**
 * The components of the package, and with includeUnpackaged those of the other package
 * directories, from source: the same conversion the build checked, with the org's messages then
 * matched back to the source files.
 */
export function componentsToDeploy(
    layout: ProjectLayout,
    includeUnpackaged: boolean
): ComponentSet {
    const directories = [layout.packagedDir, ...(includeUnpackaged ? layout.unpackagedDirs : [])]
        .map((directory) => path.join(layout.root, directory))
        .filter((directory) => fs.existsSync(directory));
    const components = ComponentSet.fromSource({ fsPaths: directories });
    // Set both so that SDR never falls back to searching the working directory for a project.
    components.sourceApiVersion = layout.apiVersion;
    components.projectDirectory = layout.root;
    return components;
}

export interface DeployRequest {
    readonly components: ComponentSet;
    readonly connection: Connection;
    readonly options: Pick<DeployOptions, 'dryRun' | 'testLevel' | 'tests' | 'waitMinutes'>;
    /** The project root, for file paths in messages. */
    readonly root: string;
    /** Polling interval in milliseconds; by default SDR's, which grows with the deploy's size. */
    readonly frequencyMs?: number;
    /** How long to wait, in seconds; --wait by default. */
    readonly timeoutSeconds?: number;
    readonly onStart?: (id: string | undefined) => void;
    readonly onProgress?: (progress: DeployProgress) => void;
}

/** The Metadata API options of a deploy: check-only for --dry-run; the whole deploy or nothing. */
export function apiOptions(options: DeployRequest['options']): ApiOptions {
    return {
        checkOnly: options.dryRun,
        rollbackOnError: true,
        ...(options.testLevel ? { testLevel: options.testLevel } : {}),
        ...(options.testLevel === 'RunSpecifiedTests' ? { runTests: [...options.tests] } : {})
    };
}

/**
 * SDR reports a poll that ran out of time as a failed request whose cause is the polling
 * client's timeout; the deploy itself goes on in the org.
 */
export function isPollingTimeout(error: unknown): boolean {
    return (
        error instanceof Error &&
        /PollingClientTimeout|client has timed out/.test(
            `${error.name}\n${error.message}\n${error.stack ?? ''}`
        )
    );
}

/** Starts the deploy, reports its progress, and waits for its end or for the timeout. */
export async function deployComponents(request: DeployRequest): Promise<DeployOutcome> {
    const deploy = await request.components.deploy({
        usernameOrConnection: request.connection,
        apiOptions: apiOptions(request.options)
    });
    request.onStart?.(deploy.id);
    deploy.onUpdate((status) => {
        request.onProgress?.(progressOf(status));
    });
    try {
        const result = await deploy.pollStatus(
            request.frequencyMs,
            request.timeoutSeconds ?? request.options.waitMinutes * 60
        );
        const summary = summariseDeploy(result, request.root);
        return { status: summary.success ? 'succeeded' : 'failed', summary };
    } catch (error: unknown) {
        if (isPollingTimeout(error)) {
            return { status: 'timeout', id: deploy.id, minutes: request.options.waitMinutes };
        }
        throw error;
    }
}
