import type { ProjectSurvey, Refusal } from './survey';

/** The figures of one project, or of the whole corpus. */
export interface Tally {
    readonly errors: number;
    readonly warnings: number;
    readonly notes: number;
    /** Checks that could not run and errors of the embedded org that are not refusals. */
    readonly crashes: number;
    /** The validator's wall time, in seconds. */
    readonly validateSeconds: number;
    /** Record-triggered flows the embedded org compiled and refused. */
    readonly flowsCompiled: number;
    readonly flowsRefused: number;
}

export interface JsonProject extends Tally {
    readonly name: string;
    readonly errorsByRule: Readonly<Record<string, number>>;
    /** Why the validator refused the project as a whole, if it did. */
    readonly validateRefused?: string;
    readonly refusals: readonly Refusal[];
    readonly crashMessages: readonly string[];
}

export interface JsonCorpus {
    readonly projects: readonly JsonProject[];
    readonly total: Tally & { readonly projects: number };
}

function tally(survey: ProjectSurvey): Tally {
    const { validation, org } = survey;
    return {
        errors: validation.errors,
        warnings: validation.warnings,
        notes: validation.notes,
        crashes: validation.crashes.length + org.crashes.length,
        validateSeconds: Math.round(validation.seconds * 100) / 100,
        flowsCompiled: org.compiled,
        flowsRefused: org.refused.filter((refusal) => refusal.flow !== undefined).length
    };
}

function total(tallies: readonly Tally[]): Tally {
    const sum = (key: keyof Tally): number =>
        tallies.reduce((result, figures) => result + figures[key], 0);
    return {
        errors: sum('errors'),
        warnings: sum('warnings'),
        notes: sum('notes'),
        crashes: sum('crashes'),
        validateSeconds: Math.round(sum('validateSeconds') * 100) / 100,
        flowsCompiled: sum('flowsCompiled'),
        flowsRefused: sum('flowsRefused')
    };
}

export function toJson(surveys: readonly ProjectSurvey[]): JsonCorpus {
    return {
        projects: surveys.map((survey) => ({
            name: survey.name,
            ...tally(survey),
            errorsByRule: survey.validation.errorsByRule,
            ...(survey.validation.refused !== undefined
                ? { validateRefused: survey.validation.refused }
                : {}),
            refusals: survey.org.refused,
            crashMessages: [...survey.validation.crashes, ...survey.org.crashes]
        })),
        total: { projects: surveys.length, ...total(surveys.map(tally)) }
    };
}

const totalName = (projects: number): string =>
    `total, ${projects} project${projects === 1 ? '' : 's'}`;

const HEADINGS = ['errors', 'warnings', 'crashes', 'validate', 'flows compiled/refused'] as const;

/** The table's lines: a heading, then each row, with the name column as wide as the widest. */
export class TextTable {
    private readonly nameWidth: number;

    public constructor(names: readonly string[]) {
        this.nameWidth = Math.max(
            'project'.length,
            totalName(names.length).length,
            ...names.map((name) => name.length)
        );
    }

    public heading(): string {
        return [
            'project'.padEnd(this.nameWidth),
            ...HEADINGS.map((heading) => heading.padStart(Math.max(heading.length, 8)))
        ].join('  ');
    }

    public row(name: string, figures: Tally): string {
        const cells = [
            String(figures.errors),
            String(figures.warnings),
            String(figures.crashes),
            `${figures.validateSeconds.toFixed(1)} s`,
            `${figures.flowsCompiled}/${figures.flowsRefused}`
        ];
        return [
            name.padEnd(this.nameWidth),
            ...cells.map((cell, index) =>
                cell.padStart(Math.max((HEADINGS[index] ?? '').length, 8))
            )
        ].join('  ');
    }

    /**
     * The row of one project, then why the validator or the org refused it whole, if one did, and
     * its crashes.
     */
    public project(survey: ProjectSurvey): string {
        const details = [
            ...(survey.validation.refused !== undefined
                ? [`  the validator refused it: ${survey.validation.refused}`]
                : []),
            ...survey.org.refused
                .filter((refusal) => refusal.flow === undefined)
                .map((refusal) => `  the embedded org refused it: ${refusal.message}`),
            ...[...survey.validation.crashes, ...survey.org.crashes].map(
                (crash) => `  crash: ${crash}`
            )
        ];
        return [this.row(survey.name, tally(survey)), ...details].join('\n');
    }

    public total(surveys: readonly ProjectSurvey[]): string {
        return this.row(totalName(surveys.length), total(surveys.map(tally)));
    }
}
