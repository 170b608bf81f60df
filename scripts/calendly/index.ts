/**
 * The Calendly API v2 stand-in: a generated organization and a real HTTP server on 127.0.0.1
 * that serves it with Calendly's shapes, limits and failures, for the package's sync to run
 * against offline.
 */
export { CalendlyApi, PAID_PLAN_RATE_LIMIT } from './api';
export {
    addMember,
    changeSchedulingUrl,
    deactivateEventType,
    defaultToken,
    findMember,
    generateOrganization,
    owner,
    removeMember,
    renameEventType
} from './organization';
export { startCalendlyStandIn, type CalendlyStandIn } from './server';
export type * from './types';
