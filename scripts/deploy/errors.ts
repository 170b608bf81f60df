/** Bad options, or an org that cannot be used as it is: exit code 2, the message says what to do. */
export class DeployUsageError extends Error {
    public constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'DeployUsageError';
    }
}

/** The org could not be reached, for a reason other than its login: exit code 4. */
export class OrgUnreachableError extends Error {
    public constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'OrgUnreachableError';
    }
}
