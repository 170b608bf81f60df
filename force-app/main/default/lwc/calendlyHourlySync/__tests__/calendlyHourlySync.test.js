import CalendlyHourlySync from 'c/calendlyHourlySync';
import {
    alertOf,
    ANSWERS,
    byDataId,
    flushPromises,
    removeAll,
    render,
    text
} from '../../calendlyIntegration/__tests__/testing';

const { HOURLY_ON, HOURLY_OFF } = ANSWERS;

jest.mock('@salesforce/label/c.Calendly_HourlyNext', () => ({ default: 'Next run {0}, as {1}.' }), {
    virtual: true
});

const renderHourly = (props) => render('c-calendly-hourly-sync', CalendlyHourlySync, props);
const $ = byDataId;

describe('c-calendly-hourly-sync', () => {
    afterEach(removeAll);

    it('shows it off, with a switch to turn it on', async () => {
        const element = await renderHourly({ hourly: HOURLY_OFF });

        const toggle = $(element, 'hourly-toggle');
        expect(toggle.type).toBe('toggle');
        expect(toggle.label).toBe('c.Calendly_HourlyToggle');
        expect(toggle.checked).toBe(false);
        expect(toggle.disabled).toBe(false);
        expect(text($(element, 'hourly-text'))).toBe('c.Calendly_HourlyOffText');
        await expect(element).toBeAccessible();
    });

    it('shows it on, with the next run and who it runs as', async () => {
        const element = await renderHourly({ hourly: HOURLY_ON });

        expect(HOURLY_ON.enabled).toBe(true);
        expect($(element, 'hourly-toggle').checked).toBe(true);
        const line = text($(element, 'hourly-text'));
        expect(line).toMatch(/^Next run .+, as .+\.$/);
        expect(line).toContain(`as ${HOURLY_ON.ownerName || HOURLY_ON.runsAs}.`);
        await expect(element).toBeAccessible();
    });

    it("names the job's owner when the controller gives it", async () => {
        const element = await renderHourly({
            hourly: { ...HOURLY_ON, runsAs: 'Someone Else', ownerName: 'Grace Hopper' }
        });

        expect(text($(element, 'hourly-text'))).toContain('as Grace Hopper.');
    });

    it('asks the page to switch it, with the value chosen', async () => {
        const element = await renderHourly({ hourly: HOURLY_OFF });
        const handler = jest.fn();
        element.addEventListener('hourlychange', handler);

        const toggle = $(element, 'hourly-toggle');
        toggle.checked = true;
        toggle.dispatchEvent(new CustomEvent('change'));

        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0][0].detail).toEqual({ enabled: true });
    });

    it('disables the switch while saving, and puts it back when the change was refused', async () => {
        const element = await renderHourly({ hourly: HOURLY_OFF });
        const toggle = $(element, 'hourly-toggle');
        toggle.checked = true;
        toggle.dispatchEvent(new CustomEvent('change'));
        element.saving = true;
        await flushPromises();
        expect(toggle.disabled).toBe(true);

        element.saving = false;
        element.error = 'The hourly sync could not be switched: no Calendly connection.';
        await flushPromises();

        expect(toggle.checked).toBe(false);
        expect(toggle.disabled).toBe(false);
        expect(alertOf(element, 'hourly-error').getAttribute('role')).toBe('alert');
        expect(text(alertOf(element, 'hourly-error'))).toContain('could not be switched');
        await expect(element).toBeAccessible();
    });

    it('says hourly runs fail while Calendly is not connected, as a note, not an alert', async () => {
        const element = await renderHourly({ hourly: HOURLY_ON, notConnected: true });

        expect(text($(element, 'hourly-not-connected'))).toBe('c.Calendly_HourlyNotConnected');
        expect($(element, 'hourly-not-connected').getAttribute('role')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says nothing about the connection while it is connected', async () => {
        const element = await renderHourly({ hourly: HOURLY_ON });

        expect($(element, 'hourly-not-connected')).toBeNull();
    });

    it('keeps the switch disabled until the hourly sync is read', async () => {
        const element = await renderHourly({});

        expect($(element, 'hourly-toggle').disabled).toBe(true);
        expect(text($(element, 'hourly-text'))).toBe('');
    });
});
