import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml, XmlSyntaxError, type XmlElement } from '../xml/parse';
import { readProjectConfig, type ProjectConfig } from './config';
import {
    resolveSources,
    resolveSourcesSync,
    type Component,
    type SourceCache,
    type SourceIndex
} from './sourceIndex';

/** A parsed XML file: its tree, or why it is not well formed. */
export type XmlDocument =
    | { readonly root: XmlElement; readonly error?: undefined }
    | { readonly root?: undefined; readonly error: XmlSyntaxError };

/** How source-deploy-retrieve places the project's files, by project path. */
export interface ComponentIndex {
    readonly components: ReadonlyMap<string, Component>;
    /** Files no metadata type claims, with source-deploy-retrieve's reason. */
    readonly unresolved: ReadonlyMap<string, string>;
}

export interface ProjectLoadOptions {
    /**
     * Where source-deploy-retrieve's answer for the project's files is kept, to be read instead
     * of loading source-deploy-retrieve while no file changed (default: no cache).
     */
    readonly cacheDirectory?: string;
    /** Where the checked sfdx-project.json is kept (see readProjectConfig; default its own). */
    readonly configCacheDirectory?: string | false;
}

/**
 * A Salesforce DX project, read once: its configuration, the files of its package directories
 * that .forceignore leaves in, their metadata components, text and parsed XML. Rules share it,
 * and models derived from it (objects, flows) through `memo`.
 */
export class Project {
    private readonly texts = new Map<string, string>();
    private readonly documents = new Map<string, XmlDocument>();
    private readonly memos = new Map<(project: Project) => unknown, unknown>();
    private namesByType: Map<string, Set<string>> | undefined;

    private constructor(
        /** Absolute path of the project directory. */
        public readonly root: string,
        public readonly config: ProjectConfig,
        /** Files from the root, with forward slashes, sorted; ignored files left out. */
        public readonly files: readonly string[],
        /** Package directories that sfdx-project.json names but that do not exist. */
        public readonly missingPackageDirectories: readonly string[],
        public readonly components: ComponentIndex
    ) {}

    /**
     * Reads the project at dir. Throws ProjectError at once when dir is not a Salesforce DX
     * project; the promise then resolves the files with source-deploy-retrieve in a worker
     * thread, so that the caller can prepare other work meanwhile, or from the cache when one
     * is given and holds the answer for these very files.
     */
    public static load(dir: string, options: ProjectLoadOptions = {}): Promise<Project> {
        const plan = planLoad(dir, options);
        return resolveSources(plan.candidates, plan.forceIgnore, plan.cache).then((index) =>
            Project.fromIndex(plan, index)
        );
    }

    /**
     * Project.load for callers that cannot wait for a promise (the embedded org's commands and
     * tests): the same project, with source-deploy-retrieve loaded in this thread when its
     * answer is not in the cache.
     */
    public static loadSync(dir: string, options: ProjectLoadOptions = {}): Project {
        const plan = planLoad(dir, options);
        return Project.fromIndex(
            plan,
            resolveSourcesSync(plan.candidates, plan.forceIgnore, plan.cache)
        );
    }

    private static fromIndex(plan: LoadPlan, index: SourceIndex): Project {
        const { root } = plan;
        const relative = (file: string): string => toProjectPath(root, file);
        const files = plan.candidates.filter((file) => !index.ignored.has(file)).map(relative);
        const components = new Map<string, Component>();
        for (const [file, component] of index.components) {
            components.set(relative(file), {
                ...component,
                ...(component.xml ? { xml: relative(component.xml) } : {})
            });
        }
        const unresolved = new Map<string, string>();
        for (const [file, reason] of index.unresolved) {
            unresolved.set(relative(file), reason.replace(`${file}: `, ''));
        }
        return new Project(root, plan.config, files.sort(), plan.missing, {
            components,
            unresolved
        });
    }

    /** Absolute path of a project file. */
    public absolute(file: string): string {
        return path.join(this.root, file);
    }

    public text(file: string): string {
        let text = this.texts.get(file);
        if (text === undefined) {
            text = fs.readFileSync(this.absolute(file), 'utf8');
            this.texts.set(file, text);
        }
        return text;
    }

    /** The parsed XML of a project file, parsed once. */
    public xml(file: string): XmlDocument {
        let document = this.documents.get(file);
        if (!document) {
            try {
                document = { root: parseXml(this.text(file), file) };
            } catch (error: unknown) {
                if (!(error instanceof XmlSyntaxError)) {
                    throw error;
                }
                document = { error };
            }
            this.documents.set(file, document);
        }
        return document;
    }

    /** The root element of a well-formed XML file; undefined when it is not well formed. */
    public xmlRoot(file: string): XmlElement | undefined {
        return this.xml(file).root;
    }

    /**
     * The full names of the project's components of a metadata type (`ApexClass`, `Flow`), as
     * source-deploy-retrieve places them: wherever they sit in their package directory, sub-folders
     * of `classes/` included.
     */
    public componentNames(type: string): ReadonlySet<string> {
        let byType = this.namesByType;
        if (!byType) {
            byType = new Map();
            for (const component of this.components.components.values()) {
                const names = byType.get(component.type) ?? new Set<string>();
                names.add(component.fullName);
                byType.set(component.type, names);
            }
            this.namesByType = byType;
        }
        return byType.get(type) ?? new Set();
    }

    public filesEndingWith(suffix: string): string[] {
        return this.files.filter((file) => file.endsWith(suffix));
    }

    /**
     * A model derived from the project, built on first use and shared by every rule: the
     * builder function is the cache key.
     */
    public memo<T>(build: (project: Project) => T): T {
        if (!this.memos.has(build)) {
            this.memos.set(build, build(this));
        }
        return this.memos.get(build) as T;
    }
}

function listFiles(directory: string): string[] {
    const files: string[] = [];
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const absolute = path.join(directory, entry.name);
        if (entry.isDirectory()) {
            files.push(...listFiles(absolute));
        } else if (entry.isFile()) {
            files.push(absolute);
        }
    }
    return files;
}

function toProjectPath(root: string, absolute: string): string {
    return path.relative(root, path.resolve(root, absolute)).split(path.sep).join('/');
}

/** What a load reads before source-deploy-retrieve places the files. */
interface LoadPlan {
    readonly root: string;
    readonly config: ProjectConfig;
    /** Every file of the package directories that exist, absolute, once each. */
    readonly candidates: readonly string[];
    /** Package directories that sfdx-project.json names but that do not exist. */
    readonly missing: readonly string[];
    readonly forceIgnore: string | undefined;
    readonly cache: SourceCache | undefined;
}

function planLoad(dir: string, options: ProjectLoadOptions): LoadPlan {
    const config = readProjectConfig(
        dir,
        options.configCacheDirectory !== undefined
            ? { cacheDirectory: options.configCacheDirectory }
            : {}
    );
    const root = config.root;
    const candidates: string[] = [];
    const missing: string[] = [];
    for (const packageDirectory of config.packageDirectories) {
        const absolute = path.resolve(root, packageDirectory.path);
        if (fs.existsSync(absolute)) {
            candidates.push(...listFiles(absolute));
        } else {
            missing.push(packageDirectory.path);
        }
    }
    // The project's own .forceignore, not one searched upwards: a project inside another
    // project (as test fixtures are) keeps its own rules.
    const forceIgnore = path.join(root, '.forceignore');
    return {
        root,
        config,
        candidates: [...new Set(candidates)],
        missing,
        forceIgnore: fs.existsSync(forceIgnore) ? forceIgnore : undefined,
        cache: options.cacheDirectory ? { directory: options.cacheDirectory, root } : undefined
    };
}
