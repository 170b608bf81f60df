import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isRecord } from '../shared/json';
import { hashOf, readKeyed, writeKeyed } from '../cache/keyed';
import { packageVersion, resolvePackageFile } from '../shared/packages';

/** The metadata component a file belongs to, as source-deploy-retrieve resolves it. */
export interface Component {
    readonly type: string;
    readonly fullName: string;
    /** The component's -meta.xml file; absent for types without one. */
    readonly xml?: string;
}

/** What source-deploy-retrieve says about files, by absolute path. */
export interface SourceIndex {
    /** Files the project's .forceignore leaves out. */
    readonly ignored: ReadonlySet<string>;
    readonly components: ReadonlyMap<string, Component>;
    /** Files no metadata type claims, with source-deploy-retrieve's reason. */
    readonly unresolved: ReadonlyMap<string, string>;
}

/** The resolver, in plain JavaScript beside this file (see sourceResolver.cjs). */
const RESOLVER = path.join(__dirname, 'sourceResolver.cjs');

interface Pending {
    resolve(index: SourceIndex): void;
    reject(error: Error): void;
}

/** An idle worker ends after this long; a run resolves its project once, a test suite often. */
const IDLE_MILLISECONDS = 2000;

/**
 * A worker thread that loads source-deploy-retrieve once and serves every request until it has
 * been idle for a while. It never keeps the process alive when idle.
 */
class SourceWorker {
    private readonly pending = new Map<number, Pending>();
    private readonly thread: Worker;
    private nextId = 0;
    private idle: NodeJS.Timeout | undefined;
    public stopped = false;

    public constructor() {
        this.thread = new Worker(RESOLVER, {
            execArgv: [],
            // @salesforce/core would otherwise start a logging thread and write log files to ~/.sf.
            env: { ...process.env, SF_DISABLE_LOG_FILE: 'true' },
            workerData: {
                sourceDeployRetrieve: resolvePackageFile('@salesforce/source-deploy-retrieve')
            }
        });
        this.thread.on('message', (message: unknown) => {
            this.answer(message);
        });
        this.thread.on('error', (error) => {
            this.stop(error);
        });
        this.thread.on('exit', (code) => {
            this.stop(new Error(`The source-deploy-retrieve worker stopped (exit ${code}).`));
        });
        this.thread.unref();
    }

    public resolve(
        files: readonly string[],
        forceIgnore: string | undefined
    ): Promise<SourceIndex> {
        clearTimeout(this.idle);
        const id = this.nextId++;
        return new Promise<SourceIndex>((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.thread.ref();
            this.thread.postMessage({ id, forceIgnore, files });
        });
    }

    private answer(message: unknown): void {
        const id = isRecord(message) && typeof message.id === 'number' ? message.id : -1;
        const request = this.pending.get(id);
        this.pending.delete(id);
        if (this.pending.size === 0) {
            this.thread.unref();
            this.idle = setTimeout(() => {
                this.stopped = true;
                void this.thread.terminate();
            }, IDLE_MILLISECONDS);
            this.idle.unref();
        }
        const index = toSourceIndex(message);
        if (index) {
            request?.resolve(index);
        } else {
            request?.reject(new Error('source-deploy-retrieve returned an unexpected answer.'));
        }
    }

    private stop(error: Error): void {
        this.stopped = true;
        clearTimeout(this.idle);
        for (const request of this.pending.values()) {
            request.reject(error);
        }
        this.pending.clear();
    }
}

let current: SourceWorker | undefined;

/** Where resolveSources keeps its answer for a project, to give it again while nothing changed. */
export interface SourceCache {
    readonly directory: string;
    /** The project's root: the cache holds one answer per project. */
    readonly root: string;
}

/**
 * Resolves files with source-deploy-retrieve, in a worker thread shared by successive calls.
 * With a cache, the answer for the same files (names and content), .forceignore,
 * source-deploy-retrieve version and registry is read from it instead, and the worker (a second
 * of loading source-deploy-retrieve) never starts.
 */
export function resolveSources(
    files: readonly string[],
    forceIgnore: string | undefined,
    cache?: SourceCache
): Promise<SourceIndex> {
    const key = cache ? sourcesKey(files, forceIgnore) : undefined;
    const file = cache
        ? path.join(cache.directory, `sources-${hashOf([cache.root]).slice(0, 16)}.json`)
        : undefined;
    const cached = file && key ? readCachedIndex(file, key) : undefined;
    if (cached) {
        return Promise.resolve(cached);
    }
    if (!current || current.stopped) {
        current = new SourceWorker();
    }
    return current.resolve(files, forceIgnore).then((index) => {
        if (file && key) {
            writeCachedIndex(file, key, index);
        }
        return index;
    });
}

/**
 * resolveSources without a worker: the same answer, from the cache or from source-deploy-
 * retrieve loaded in this thread, for callers that cannot wait for a promise.
 */
export function resolveSourcesSync(
    files: readonly string[],
    forceIgnore: string | undefined,
    cache?: SourceCache
): SourceIndex {
    const key = cache ? sourcesKey(files, forceIgnore) : undefined;
    const file = cache
        ? path.join(cache.directory, `sources-${hashOf([cache.root]).slice(0, 16)}.json`)
        : undefined;
    const cached = file && key ? readCachedIndex(file, key) : undefined;
    if (cached) {
        return cached;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { resolveFiles } = require(RESOLVER) as {
        resolveFiles: (
            sdr: unknown,
            forceIgnore: string | undefined,
            files: readonly string[]
        ) => unknown;
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdr: unknown = require(resolvePackageFile('@salesforce/source-deploy-retrieve'));
    const index = toSourceIndex(resolveFiles(sdr, forceIgnore, files));
    if (!index) {
        throw new Error('source-deploy-retrieve returned an unexpected answer.');
    }
    if (file && key) {
        writeCachedIndex(file, key, index);
    }
    return index;
}

/**
 * Everything the worker's answer depends on: the worker, source-deploy-retrieve's version, the
 * sfdx-project.json it reads its registry's variants from (the one around the working
 * directory), .forceignore and every file with its content. Undefined when a file cannot be
 * read: the worker then answers, without the cache.
 */
function sourcesKey(files: readonly string[], forceIgnore: string | undefined): string | undefined {
    try {
        const registryProject = nearestProjectFile(process.cwd());
        const parts: (string | Buffer)[] = [
            fs.readFileSync(RESOLVER),
            packageVersion('@salesforce/source-deploy-retrieve'),
            registryProject ?? '',
            registryProject ? fs.readFileSync(registryProject) : '',
            forceIgnore ?? '',
            forceIgnore ? fs.readFileSync(forceIgnore) : ''
        ];
        for (const file of files) {
            parts.push(file, fs.readFileSync(file));
        }
        return hashOf(parts);
    } catch {
        return undefined;
    }
}

/** The sfdx-project.json of the project around a directory, as @salesforce/core finds it. */
function nearestProjectFile(start: string): string | undefined {
    for (let directory = start; ; directory = path.dirname(directory)) {
        const candidate = path.join(directory, 'sfdx-project.json');
        if (fs.existsSync(candidate)) {
            return candidate;
        }
        if (path.dirname(directory) === directory) {
            return undefined;
        }
    }
}

/** The cached answer for this key; undefined when there is none or it is not a whole answer. */
function readCachedIndex(file: string, key: string): SourceIndex | undefined {
    const answer = readKeyed(file, key);
    if (!isRecord(answer)) {
        return undefined;
    }
    const { ignored, components, unresolved } = answer;
    const index = toSourceIndex(answer);
    const whole =
        index &&
        Array.isArray(ignored) &&
        Array.isArray(components) &&
        Array.isArray(unresolved) &&
        index.ignored.size === ignored.length &&
        index.components.size === components.length &&
        index.unresolved.size === unresolved.length;
    return whole ? index : undefined;
}

/** Keeps the answer in the form the worker sends it, which toSourceIndex reads back. */
function writeCachedIndex(file: string, key: string, index: SourceIndex): void {
    writeKeyed(file, key, {
        ignored: [...index.ignored],
        components: [...index.components].map(([source, component]) => ({
            file: source,
            ...component
        })),
        unresolved: [...index.unresolved].map(([source, reason]) => ({ file: source, reason }))
    });
}

function toSourceIndex(message: unknown): SourceIndex | undefined {
    if (!isRecord(message)) {
        return undefined;
    }
    const { ignored, components, unresolved } = message;
    if (!Array.isArray(ignored) || !Array.isArray(components) || !Array.isArray(unresolved)) {
        return undefined;
    }
    const index = {
        ignored: new Set(ignored.filter((file): file is string => typeof file === 'string')),
        components: new Map<string, Component>(),
        unresolved: new Map<string, string>()
    };
    for (const entry of components) {
        if (
            isRecord(entry) &&
            typeof entry.file === 'string' &&
            typeof entry.type === 'string' &&
            typeof entry.fullName === 'string'
        ) {
            index.components.set(entry.file, {
                type: entry.type,
                fullName: entry.fullName,
                ...(typeof entry.xml === 'string' ? { xml: entry.xml } : {})
            });
        }
    }
    for (const entry of unresolved) {
        if (isRecord(entry) && typeof entry.file === 'string' && typeof entry.reason === 'string') {
            index.unresolved.set(entry.file, entry.reason);
        }
    }
    return index;
}
