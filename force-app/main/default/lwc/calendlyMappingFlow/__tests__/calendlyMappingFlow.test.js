import CalendlyMappingFlow, { FLOWS_SETUP_URL } from 'c/calendlyMappingFlow';
import {
    alertOf,
    ANSWERS,
    byDataId,
    removeAll,
    render,
    text
} from '../../calendlyIntegration/__tests__/testing';

const { REPORT_FLOW_ACTIVE, REPORT_NO_FLOW } = ANSWERS;

jest.mock(
    '@salesforce/label/c.Calendly_FlowActiveText',
    () => ({ default: 'Links are copied to users by: {0}' }),
    { virtual: true }
);

const renderFlow = (props) => render('c-calendly-mapping-flow', CalendlyMappingFlow, props);
const $ = byDataId;

describe('c-calendly-mapping-flow', () => {
    afterEach(removeAll);

    it('names the active flows that copy links to users', async () => {
        const element = await renderFlow({ report: REPORT_FLOW_ACTIVE });

        expect(REPORT_FLOW_ACTIVE.activeFlows.length).toBeGreaterThan(0);
        expect(text($(element, 'flow-active'))).toBe(
            `Links are copied to users by: ${REPORT_FLOW_ACTIVE.activeFlows.join(', ')}`
        );
        expect($(element, 'flow-steps')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('without an active flow, gives the steps and a link to Flows in Setup', async () => {
        const element = await renderFlow({ report: REPORT_NO_FLOW });

        expect(text($(element, 'flow-missing'))).toBe('c.Calendly_FlowMissingText');
        expect($(element, 'flow-steps').querySelectorAll('li')).toHaveLength(3);
        const link = $(element, 'flow-setup-link');
        expect(link.getAttribute('href')).toBe(FLOWS_SETUP_URL);
        expect(text(link)).toBe('c.Calendly_FlowSetupLink');
        expect($(element, 'flow-active')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error when the report cannot be read', async () => {
        const element = await renderFlow({ error: 'The mapping report could not be built.' });

        expect(text(alertOf(element, 'flow-error'))).toContain('could not be built');
        await expect(element).toBeAccessible();
    });

    it('labels its spinner while loading', async () => {
        const element = await renderFlow({ loading: true });

        expect(
            $(element, 'section-loading').querySelector('lightning-spinner').alternativeText
        ).toBe('c.Calendly_Loading');
        await expect(element).toBeAccessible();
    });
});
