import { calendlyCredentials } from './credentials';
import { integrationPageAndTab } from './integrationPage';
import { customPermissions } from './customPermissions';
import { customLabels } from './labels';
import { mapUserCalendlyLinkTemplate } from './flows/mapUserCalendlyLink';
import { mapUserCalendlyLinkTests } from './flows/mapUserCalendlyLinkTests';
import { calendlyLinkObject } from './objects/calendlyLink';
import { calendlyLinkLayoutAndTab } from './objects/layout';
import { syncRunObject } from './objects/syncRun';
import { userLinkField } from './objects/user';
import { permissionSets } from './permissionSets';
import type { MetadataFile } from './types';

export * from './names';
export { MANAGE_SYNC_PERMISSION } from './customPermissions';
export { ELEMENTS as TEMPLATE_ELEMENTS } from './flows/mapUserCalendlyLink';
export type { Definition, DefinedTypes, MetadataFile } from './types';

/** Every generated file of the package, the single source of truth for its metadata. */
export function packageFiles(): MetadataFile[] {
    return [
        ...calendlyLinkObject(),
        ...calendlyLinkLayoutAndTab(),
        ...userLinkField(),
        ...syncRunObject(),
        ...calendlyCredentials(),
        ...customPermissions(),
        ...permissionSets(),
        ...customLabels(),
        ...integrationPageAndTab(),
        mapUserCalendlyLinkTemplate(),
        ...mapUserCalendlyLinkTests()
    ];
}
