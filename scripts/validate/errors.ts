import type { Text } from './messages';

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
