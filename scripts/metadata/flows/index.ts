/**
 * The mapping flow: one parametrised definition for the package's template and for the active
 * copies an org makes of it (Save As), and the template's FlowTests.
 */
export {
    accessPermissionSetName,
    copyDescription,
    flowCopyFiles,
    userFieldReference
} from './flowCopy';
export type { FlowCopyRequest } from './flowCopy';
export {
    ELEMENTS,
    mapUserCalendlyLinkTemplate,
    mapUserLinkFlow,
    TEMPLATE_SPEC
} from './mapUserCalendlyLink';
export type { EventSelection, LinkSelection, MapUserLinkFlowSpec } from './mapUserCalendlyLink';
export { FLOW_TEST_USER_EMAIL, mapUserCalendlyLinkTests } from './mapUserCalendlyLinkTests';
