/**
 * The runtime's errors. ScenarioError is an invalid input (scenario, data file, flow or FlowTest
 * file) and always names the place to fix; the command line turns it into exit code 2.
 * FlowFault is a fault inside an interview, which a fault connector can catch. LimitException is
 * a governor limit breach, which nothing catches: it fails the whole transaction. DmlException is
 * an all-or-none DML statement whose records failed.
 */
export abstract class RuntimeError extends Error {
    protected constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = new.target.name;
    }
}

export class ScenarioError extends RuntimeError {
    public constructor(
        public readonly place: string,
        public readonly reason: string,
        options?: ErrorOptions
    ) {
        super(`${place}: ${reason}`, options);
    }
}

export class FlowFault extends RuntimeError {
    public constructor(message: string, options?: ErrorOptions) {
        super(message, options);
    }
}

export class LimitException extends RuntimeError {
    public constructor(message: string) {
        super(message);
    }
}

/** One record's error from a DML statement, with the platform's status code. */
export interface RecordError {
    readonly statusCode: string;
    readonly message: string;
    readonly fields?: readonly string[];
}

export class DmlException extends RuntimeError {
    public constructor(
        message: string,
        /** The first failed record's position in the statement. */
        public readonly row: number,
        public readonly errors: readonly RecordError[]
    ) {
        super(message);
    }
}
