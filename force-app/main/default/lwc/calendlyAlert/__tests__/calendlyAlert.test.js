import { createElement } from 'lwc';
import CalendlyAlert from 'c/calendlyAlert';

async function renderAlert(props) {
    const element = createElement('c-calendly-alert', { is: CalendlyAlert });
    Object.assign(element, props);
    document.body.appendChild(element);
    await Promise.resolve();
    return element.shadowRoot.querySelector('[role="alert"]');
}

describe('c-calendly-alert', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('is an alert that reads "Error" and then the message', async () => {
        const alert = await renderAlert({ message: 'The sync could not start: no access.' });

        expect(alert.querySelector('.slds-assistive-text').textContent).toBe('c.Calendly_Error');
        expect(alert.querySelector('h2').textContent).toBe('The sync could not start: no access.');
        expect(alert.classList).toContain('slds-alert_error');
        await expect(document.body.firstChild).toBeAccessible();
    });

    it('takes the warning theme for a run that partially succeeded', async () => {
        const alert = await renderAlert({ message: '2 links failed.', theme: 'warning' });

        expect(alert.classList).toContain('slds-alert_warning');
        expect(alert.classList).not.toContain('slds-alert_error');
        await expect(document.body.firstChild).toBeAccessible();
    });

    it('falls back to the error theme for an unknown theme', async () => {
        const alert = await renderAlert({ message: 'Oops.', theme: 'purple' });

        expect(alert.classList).toContain('slds-alert_error');
        await expect(document.body.firstChild).toBeAccessible();
    });
});
