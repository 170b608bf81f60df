import CalendlySection from 'c/calendlySection';
import { alertOf, removeAll, render, text } from '../../calendlyIntegration/__tests__/testing';

const renderSection = (props) =>
    render('c-calendly-section', CalendlySection, {
        heading: 'Connection',
        iconName: 'utility:link',
        ...props
    });

describe('c-calendly-section', () => {
    afterEach(removeAll);

    it('heads the section with its title', async () => {
        const element = await renderSection();

        const heading = element.shadowRoot.querySelector('h2');
        expect(text(heading)).toBe('Connection');
        expect(element.shadowRoot.querySelector('section')).not.toBeNull();
        expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('labels its spinner while loading, and shows no content', async () => {
        const element = await renderSection({ loading: true, error: 'ignored while loading' });

        const spinner = element.shadowRoot.querySelector('lightning-spinner');
        expect(spinner.alternativeText).toBe('c.Calendly_Loading');
        expect(element.shadowRoot.querySelector('slot:not([name])')).toBeNull();
        expect(element.shadowRoot.querySelector('c-calendly-alert')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error in an alert with the data-id it is given, instead of the content', async () => {
        const element = await renderSection({ error: 'No access.', errorId: 'connection-error' });

        const alert = alertOf(element, 'connection-error');
        expect(alert.getAttribute('role')).toBe('alert');
        expect(text(alert)).toContain('No access.');
        expect(element.shadowRoot.querySelector('slot:not([name])')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
