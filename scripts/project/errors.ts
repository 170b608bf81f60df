import { UsageError } from '../shared/command';

/**
 * A folder that cannot be used as a Salesforce DX project: not a folder, no sfdx-project.json,
 * or one that does not say what the command needs. Every command reports it the same way: one
 * line that names the folder or file and what to do, exit 2.
 */
export class ProjectError extends UsageError {
    public constructor(
        /** The project folder, as given. */
        public readonly directory: string,
        message: string,
        options?: ErrorOptions
    ) {
        super(message, options);
    }
}
