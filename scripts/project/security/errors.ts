import { UsageError } from '../../shared/command';

/**
 * A security metadata file of the project (a permission set, custom permission, custom labels,
 * named credential or external credential file) that the readers cannot use: not well formed, or
 * without an element the Metadata API requires. Like ProjectError it is a mistake in what the user gave (exit 2), and
 * its message starts with the file and line to fix.
 */
export class MetadataFileError extends UsageError {
    public constructor(
        public readonly file: string,
        public readonly line: number,
        reason: string,
        options?: ErrorOptions
    ) {
        super(`${file}:${line}: ${reason}`, options);
    }
}
