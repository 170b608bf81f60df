import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/calendlyLabels';
import { formatDateTime, formatLabel } from 'c/calendlyUtils';

/**
 * The Hourly sync section: a switch, the next run and who it runs as, and a note while Calendly
 * is not connected. A change of the switch fires `hourlychange` with `{ enabled }`; the switch
 * always shows the hourly sync as the server last answered, so a change the server refused
 * puts it back.
 */
export default class CalendlyHourlySync extends LightningElement {
    /** CalendlySyncViews.HourlySync. */
    @api hourly;
    /** Why it could not be read or switched. */
    @api error;
    /** True while a change is saved. */
    @api saving = false;
    /** True when Calendly is known not to be connected. */
    @api notConnected = false;

    label = LABELS;

    renderedCallback() {
        // The switch shows what the server holds, not the click the server refused.
        const toggle = this.template.querySelector('[data-id="hourly-toggle"]');
        if (toggle && !this.saving && toggle.checked !== this.isOn) {
            toggle.checked = this.isOn;
        }
    }

    handleChange(event) {
        this.dispatchEvent(
            new CustomEvent('hourlychange', { detail: { enabled: event.target.checked } })
        );
    }

    get isOn() {
        return !!(this.hourly && this.hourly.enabled);
    }

    get isToggleDisabled() {
        return this.saving || !this.hourly;
    }

    /** Who the hourly job runs as: the job's owner, when the server names it. */
    get runsAs() {
        const hourly = this.hourly || {};
        return hourly.ownerName || hourly.runsAs;
    }

    get text() {
        if (!this.hourly) {
            return '';
        }
        if (!this.hourly.enabled) {
            return LABELS.HourlyOffText;
        }
        return formatLabel(
            LABELS.HourlyNext,
            this.hourly.nextRunAt ? formatDateTime(this.hourly.nextRunAt) : '—',
            this.runsAs || '—'
        );
    }
}
