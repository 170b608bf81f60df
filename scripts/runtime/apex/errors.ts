import type { ObjectValue, SourcePlace } from './model';

/**
 * An Apex exception in flight: a JavaScript error that carries the exception object, so that
 * `try`/`catch` in Apex catches exactly what Apex code threw or what the platform raised.
 */
export class ApexThrow extends Error {
    public constructor(public readonly exception: ObjectValue) {
        super(exception.exception?.message ?? exception.type.name);
        this.name = 'ApexThrow';
    }
}

/**
 * Apex that the embedded org does not run: a language feature or a platform class or method it
 * does not implement. It is never caught by Apex code and ends the run with exit code 2, naming
 * the file and line, rather than running on with a guess.
 */
export class UnsupportedError extends Error {
    public constructor(
        public readonly place: SourcePlace,
        what: string
    ) {
        super(`${place.file}:${place.line}: ${what} is not supported by the embedded org`);
        this.name = 'UnsupportedError';
    }
}

/**
 * Apex the platform would not compile (an unknown variable, a type mismatch): the file and line
 * and the platform's reason. Like UnsupportedError it is never caught by Apex code.
 */
export class ApexCompileError extends Error {
    public constructor(
        public readonly place: SourcePlace,
        reason: string
    ) {
        super(`${place.file}:${place.line}: ${reason}`);
        this.name = 'ApexCompileError';
    }
}

/**
 * A governor limit was exceeded: System.LimitException, which Apex code cannot catch; the
 * transaction ends and rolls back (DG "Execution Governors and Limits").
 */
export class ApexLimitError extends Error {
    public constructor(message: string) {
        super(message);
        this.name = 'ApexLimitError';
    }
}
