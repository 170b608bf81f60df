import type { Project } from '../project';

/**
 * error: the project would fail to deploy or behave wrongly, the run fails.
 * warning: worth fixing, the run still passes. note: for information.
 */
export type Severity = 'error' | 'warning' | 'note';

/** What a rule reports: what is wrong, where, and what to do about it. */
export interface Finding {
    readonly rule: string;
    readonly severity: Severity;
    /** Path from the project root, with forward slashes; absent for project-wide findings. */
    readonly file?: string;
    readonly line?: number;
    readonly column?: number;
    /** Element path inside the file, e.g. `Flow.decisions[Decide_Link_Change].rules[Link_Is_Active]`. */
    readonly path?: string;
    readonly message: string;
    /** What to do. */
    readonly fix: string;
}

/** One check of the project. */
export interface Rule {
    readonly id: string;
    readonly description: string;
    /**
     * Work that needs no project (loading a library, a schema), done while source-deploy-retrieve
     * resolves the project's files in its worker thread.
     */
    preload?(): void;
    check(project: Project): Finding[] | Promise<Finding[]>;
    /**
     * Files outside the package directories whose content changes what the rule finds (its
     * configuration), absolute: a remembered result holds only while they are unchanged.
     */
    inputs?(project: Project): string[];
}

export interface ValidateOptions {
    /** Run only the rules with these ids (default: every rule). */
    readonly rules?: readonly string[];
    /** The Java 17+ executable for the Apex checks (default: $JAVA_HOME/bin/java, else `java`). */
    readonly javaCommand?: string;
    /**
     * Rules of the caller's own, run with the validator's: a repository registers its house
     * checks here (this one, that its generated files are current).
     */
    readonly extraRules?: readonly Rule[];
    /**
     * Where the Apex checks that run Java or the Apex parser remember their findings, and
     * source-deploy-retrieve's placing of the files, for an unchanged project (default: no
     * cache; the command line uses node_modules/.cache/validate).
     */
    readonly cacheDirectory?: string;
    /**
     * Read the Metadata API schema from its cache in node_modules/.cache/validate while
     * @salesforce/types is unchanged, rather than with the TypeScript compiler (default true;
     * the command line's --no-cache sets false). The first run of a process decides.
     */
    readonly schemaCache?: boolean;
}

export interface Summary {
    /** Files of the package directories that were checked (those .forceignore leaves in). */
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly notes: number;
    /** Ids of the rules that ran. */
    readonly rules: readonly string[];
}

export interface ValidationResult {
    /** True when no finding is an error. */
    readonly ok: boolean;
    /** The validated project's root, absolute. */
    readonly root: string;
    /** Sorted by file, line, column and rule. */
    readonly findings: readonly Finding[];
    readonly summary: Summary;
}
