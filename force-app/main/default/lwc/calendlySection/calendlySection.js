import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/calendlyLabels';

/**
 * The frame of each section of the integration page: its heading, then a spinner while the
 * section's data loads, the error that kept it from loading, or the section's content.
 */
export default class CalendlySection extends LightningElement {
    /** The section's heading. */
    @api heading;
    /** A utility icon beside the heading, such as utility:link. */
    @api iconName;
    /** True while the section's data loads: a labelled spinner takes the content's place. */
    @api loading = false;
    /** Why the section's data could not be read: an alert takes the content's place. */
    @api error;
    /** The data-id of that alert, for tests and the preview. */
    @api errorId;

    loadingLabel = LABELS.Loading;
}
