import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectJson } from '@salesforce/core';
import { parseJson } from '@salesforce/kit';
import { cacheDirectory, hashOf, readKeyed, writeKeyed } from '../cache/keyed';
import { isRecord } from '../shared/json';
import { ProjectError } from './errors';
import { projectMessages as M } from './messages';

export const PROJECT_FILE = 'sfdx-project.json';

/** A package directory of sfdx-project.json. */
export interface PackageDirectory {
    /** From the project root, with forward slashes and no trailing slash. */
    readonly path: string;
    readonly default: boolean;
    /** The package the directory becomes; none for the org's own metadata. */
    readonly package?: string;
    readonly versionName?: string;
    readonly versionNumber?: string;
    readonly postInstallScript?: string;
    /** The release notes' address, shown when the package is installed or upgraded. */
    readonly releaseNotesUrl?: string;
    /** The address of the instructions to follow after installing or upgrading. */
    readonly postInstallUrl?: string;
}

/** What every command reads of sfdx-project.json. */
export interface ProjectConfig {
    /** Absolute path of the project folder. */
    readonly root: string;
    /** Absolute path of its sfdx-project.json. */
    readonly file: string;
    readonly packageDirectories: readonly PackageDirectory[];
    readonly namespace?: string;
    readonly sourceApiVersion?: string;
    readonly packageAliases: Readonly<Record<string, string>>;
    /**
     * The `plugins` object of sfdx-project.json, where the schema lets tools keep their
     * settings (the validator reads `plugins.validate`).
     */
    readonly plugins?: Readonly<Record<string, unknown>>;
}

export interface ReadConfigOptions {
    /**
     * Where the checked contents of an unchanged sfdx-project.json are kept, so that the
     * Salesforce libraries that check it are loaded only when it changed (default
     * node_modules/.cache/project; false for none).
     */
    readonly cacheDirectory?: string | false;
}

/** Every change to this reader's checks must read the files again: its source is in the key. */
const READER_SOURCE = fs.readFileSync(__filename);

/**
 * Reads sfdx-project.json of the project folder dir, checked against the schema Salesforce
 * publishes with @salesforce/core (`ProjectJsonSchema`). Keys the schema does not know are
 * left alone (newer sf CLIs add some), every other departure from it is a ProjectError that
 * names the file and the key. Throws ProjectError when dir is not a project folder.
 */
export function readProjectConfig(dir: string, options: ReadConfigOptions = {}): ProjectConfig {
    const root = path.resolve(dir);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
        throw new ProjectError(dir, M.notADirectory(root));
    }
    const file = path.join(root, PROJECT_FILE);
    if (!fs.existsSync(file)) {
        throw new ProjectError(dir, M.notAProject(root));
    }
    const text = fs.readFileSync(file, 'utf8');
    const cache = options.cacheDirectory ?? cacheDirectory('project');
    const key = hashOf([text, READER_SOURCE]);
    const cacheFile =
        cache === false
            ? undefined
            : path.join(cache, `${PROJECT_FILE}-${hashOf([root]).slice(0, 16)}.json`);
    const kept = cacheFile === undefined ? undefined : readKeyed(cacheFile, key);
    const contents = isRecord(kept) ? (kept as unknown as Checked) : check(dir, file, text);
    if (cacheFile !== undefined && kept === undefined) {
        writeKeyed(cacheFile, key, contents);
    }
    return { root, file, ...contents };
}

/** What the schema check gives: the configuration without its place. */
type Checked = Omit<ProjectConfig, 'root' | 'file'>;

function check(dir: string, file: string, text: string): Checked {
    let data: unknown;
    try {
        data = parseJson(text, file);
    } catch (error: unknown) {
        const reason =
            error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        throw new ProjectError(dir, M.unreadableProjectFile(file, reason), { cause: error });
    }
    // The schema check needs @salesforce/core, which takes most of a second to load: it is
    // loaded here, on a cache miss, and only then.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ProjectJsonSchema } = require('@salesforce/core') as typeof import('@salesforce/core');
    const result = ProjectJsonSchema.safeParse(data);
    const problems = result.success
        ? []
        : result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
    const directories = isRecord(data) ? data.packageDirectories : undefined;
    if (!Array.isArray(directories) || directories.length === 0) {
        throw new ProjectError(dir, M.noPackageDirectories(file));
    }
    if (problems.length > 0) {
        const where = problems.map(
            (issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`
        );
        throw new ProjectError(
            dir,
            `${file} does not match the sfdx-project.json schema: ${where.join('; ')}.`
        );
    }
    const project = data as ProjectJson;
    const packageDirectories = project.packageDirectories.map((entry): PackageDirectory => ({
        path: entry.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''),
        default: entry.default === true,
        ...('package' in entry && typeof entry.package === 'string'
            ? { package: entry.package }
            : {}),
        ...('versionName' in entry && typeof entry.versionName === 'string'
            ? { versionName: entry.versionName }
            : {}),
        ...('versionNumber' in entry && typeof entry.versionNumber === 'string'
            ? { versionNumber: entry.versionNumber }
            : {}),
        ...('postInstallScript' in entry && typeof entry.postInstallScript === 'string'
            ? { postInstallScript: entry.postInstallScript }
            : {}),
        ...('releaseNotesUrl' in entry && typeof entry.releaseNotesUrl === 'string'
            ? { releaseNotesUrl: entry.releaseNotesUrl }
            : {}),
        ...('postInstallUrl' in entry && typeof entry.postInstallUrl === 'string'
            ? { postInstallUrl: entry.postInstallUrl }
            : {})
    }));
    return {
        packageDirectories,
        ...(project.namespace ? { namespace: project.namespace } : {}),
        ...(project.sourceApiVersion ? { sourceApiVersion: project.sourceApiVersion } : {}),
        packageAliases: project.packageAliases ?? {},
        ...(isRecord(project.plugins) ? { plugins: project.plugins } : {})
    };
}

/** The one package directory that becomes the package (it names a `package`). */
export function packagedDirectory(config: ProjectConfig): PackageDirectory {
    const packaged = config.packageDirectories.filter((entry) => entry.package !== undefined);
    const [only] = packaged;
    if (only === undefined || packaged.length > 1) {
        throw new ProjectError(config.root, M.noPackagedDirectory(config.file, packaged.length));
    }
    return only;
}

/** The first package directory without a package: where the org's own metadata goes. */
export function unpackagedDirectory(config: ProjectConfig): PackageDirectory {
    const found = config.packageDirectories.find((entry) => entry.package === undefined);
    if (found === undefined) {
        throw new ProjectError(config.root, M.noUnpackagedDirectory(config.file));
    }
    return found;
}

/** The API version the project's metadata is written for, such as `66.0`. */
export function sourceApiVersion(config: ProjectConfig): `${number}` {
    const version = config.sourceApiVersion;
    if (version === undefined || !isApiVersion(version)) {
        throw new ProjectError(config.root, M.noSourceApiVersion(config.file));
    }
    return version;
}

const isApiVersion = (text: string): text is `${number}` => /^\d+\.0$/.test(text);
