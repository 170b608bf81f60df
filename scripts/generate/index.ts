import { packageFiles } from '../metadata';
import { packageVersionModule } from '../metadata/integrationPage';
import { MetadataSchema } from '../schema';
import { compareFiles, renderFiles, type GeneratedFile, type StaleFile } from './generator';

export { compareFiles, renderFiles, writeFiles } from './generator';
export type { GeneratedFile, StaleFile } from './generator';

/**
 * The package's generated files, rendered from the definitions in scripts/metadata, and the
 * integrations page's version stamp, from sfdx-project.json.
 */
export function generatePackage(): GeneratedFile[] {
    return [...renderFiles(MetadataSchema.load(), packageFiles()), packageVersionModule()];
}

/** What differs between the package definitions and the project at root. */
export function findStaleFiles(root: string): StaleFile[] {
    return compareFiles(root, generatePackage());
}
