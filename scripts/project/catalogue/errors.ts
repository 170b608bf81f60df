/**
 * The catalogue's source could not be read: a jar that is not a zip, an entry that does not
 * inflate, a class file that breaks the JVM specification's format, or a field type the
 * catalogue does not model. The message names the jar and, when there is one, the entry, so
 * that whoever upgrades the jar knows where to look.
 */
export class CatalogueError extends Error {
    public constructor(
        public readonly source: string,
        message: string,
        options?: { cause?: unknown }
    ) {
        super(`${source}: ${message}`, options);
        this.name = 'CatalogueError';
    }
}
