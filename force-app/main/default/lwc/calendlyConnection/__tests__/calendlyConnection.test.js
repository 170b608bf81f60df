import CalendlyConnection from 'c/calendlyConnection';
import {
    alertOf,
    ANSWERS,
    byDataId,
    removeAll,
    render,
    text
} from '../../calendlyIntegration/__tests__/testing';

const { CONNECTED, NOT_CONNECTED, ORGANIZATION_UNREADABLE } = ANSWERS;

const renderConnection = (props) => render('c-calendly-connection', CalendlyConnection, props);
const $ = byDataId;

describe('c-calendly-connection', () => {
    afterEach(removeAll);

    it('shows the Calendly user and organization when connected', async () => {
        const element = await renderConnection({ connection: CONNECTED });

        expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
        expect(text($(element, 'connection-user'))).toBe(
            `${CONNECTED.userName} (${CONNECTED.userEmail})`
        );
        const organization = $(element, 'connection-organization');
        expect(text(organization)).toBe(CONNECTED.organizationName);
        expect(organization.getAttribute('title')).toBe(CONNECTED.organizationUri);
        expect($(element, 'organization-warning')).toBeNull();
        expect($(element, 'organization-access-warning')).toBeNull();
        expect($(element, 'connect-steps')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('without the organization name, shows its URI and why, and stays connected', async () => {
        const element = await renderConnection({ connection: ORGANIZATION_UNREADABLE });

        expect(ORGANIZATION_UNREADABLE.organizationName).toBeNull();
        expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
        expect(text($(element, 'connection-organization'))).toBe(
            ORGANIZATION_UNREADABLE.organizationUri
        );
        const warning = alertOf(element, 'organization-warning');
        expect(warning.classList).toContain('slds-alert_warning');
        expect(text(warning)).toContain(ORGANIZATION_UNREADABLE.organizationMessage);
        expect($(element, 'connect-steps')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("says why the token can't read the organization's members, when the controller says so", async () => {
        const message =
            'The token cannot read the organization: its user must be an owner or admin.';
        const element = await renderConnection({
            connection: {
                ...CONNECTED,
                canReadOrganization: false,
                organizationAccessMessage: message
            }
        });

        const warning = alertOf(element, 'organization-access-warning');
        expect(warning.classList).toContain('slds-alert_warning');
        expect(text(warning)).toContain(message);
        expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
        await expect(element).toBeAccessible();
    });

    it('says nothing more when the token can read the organization', async () => {
        const element = await renderConnection({
            connection: { ...CONNECTED, canReadOrganization: true, organizationAccessMessage: null }
        });

        expect($(element, 'organization-access-warning')).toBeNull();
    });

    it('says not connected, why, and the steps to fix it', async () => {
        const element = await renderConnection({ connection: NOT_CONNECTED });

        expect(text($(element, 'connection-state'))).toBe('c.Calendly_NotConnected');
        expect(text($(element, 'connection-message'))).toBe(NOT_CONNECTED.message);
        const steps = $(element, 'connect-steps').querySelectorAll('li');
        expect([...steps].map(text)).toEqual([
            'c.Calendly_ConnectStep1',
            'c.Calendly_ConnectStep2',
            'c.Calendly_ConnectStep3'
        ]);
        expect($(element, 'connection-user')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error when the connection cannot be checked', async () => {
        const element = await renderConnection({
            error: 'You need the Calendly Links Admin permission set to check the Calendly connection.'
        });

        const alert = alertOf(element, 'connection-error');
        expect(alert.getAttribute('role')).toBe('alert');
        expect(text(alert)).toContain('You need the Calendly Links Admin permission set');
        expect($(element, 'connection-state')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('labels its spinner while loading', async () => {
        const element = await renderConnection({ loading: true });

        const spinner = $(element, 'section-loading').querySelector('lightning-spinner');
        expect(spinner.alternativeText).toBe('c.Calendly_Loading');
        expect($(element, 'connection-state')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
