/** The org could not be reached, for a reason other than its login: exit code 4. */
export class OrgUnreachableError extends Error {
    public constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'OrgUnreachableError';
    }
}
