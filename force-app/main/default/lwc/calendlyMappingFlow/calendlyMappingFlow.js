import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/calendlyLabels';
import { formatLabel } from 'c/calendlyUtils';

export const FLOWS_SETUP_URL = '/lightning/setup/Flows/home';

/**
 * The User mapping flow section: the active flows that copy links to users, or the steps to
 * activate a copy of the template, with a link to Flows in Setup.
 */
export default class CalendlyMappingFlow extends LightningElement {
    /** CalendlySyncViews.MappingReport: its flowActive and activeFlows. */
    @api report;
    /** Why the report could not be read. */
    @api error;
    @api loading = false;

    label = LABELS;
    flowsSetupUrl = FLOWS_SETUP_URL;

    get isFlowActive() {
        return !!(this.report && this.report.flowActive);
    }

    get isFlowMissing() {
        return !!this.report && !this.report.flowActive;
    }

    get activeFlowsText() {
        const flows = (this.report && this.report.activeFlows) || [];
        return formatLabel(LABELS.FlowActiveText, flows.join(', '));
    }
}
