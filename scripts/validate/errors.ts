import { UsageError } from '../shared/command';
import type { Text } from './messages';

export { UsageError };

/** The directory to validate cannot be read as a Salesforce DX project. */
export class ProjectError extends UsageError {
    public constructor(
        public readonly directory: string,
        message: string,
        options?: { cause?: unknown }
    ) {
        super(message, options);
        this.name = 'ProjectError';
    }
}

/**
 * A tool a rule runs (Java, the Apex parser, PMD) could not do its work: the rule has no
 * findings to give, so its result is this error as one finding, and never kept in the cache.
 */
export class ToolError extends Error {
    public constructor(public readonly text: Text) {
        super(text.message);
        this.name = 'ToolError';
    }
}
