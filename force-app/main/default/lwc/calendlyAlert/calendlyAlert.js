import { LightningElement, api } from 'lwc';
import ErrorLabel from '@salesforce/label/c.Calendly_Error';

const THEMES = {
    error: 'slds-notify slds-notify_alert slds-alert_error',
    warning: 'slds-notify slds-notify_alert slds-alert_warning'
};

/**
 * An inline alert (SLDS Alert, role="alert") with what went wrong, read by screen readers as
 * "Error" followed by the message. The integration page shows one in the section that met the
 * error, so that no error is swallowed and none hides another section.
 */
export default class CalendlyAlert extends LightningElement {
    /** What went wrong, as the user should read it. */
    @api message;
    /** `error` (default) or `warning`, for a run that partially succeeded. */
    @api theme = 'error';

    errorLabel = ErrorLabel;

    get alertClass() {
        return THEMES[this.theme] || THEMES.error;
    }
}
