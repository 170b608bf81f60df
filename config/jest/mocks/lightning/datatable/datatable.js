import { api } from 'lwc';
import Datatable from '@salesforce/sfdx-lwc-jest/src/lightning-stubs/datatable/datatable';

/**
 * sfdx-lwc-jest's lightning-datatable stub, with the accessible name the real component takes:
 * `aria-label` and `aria-labelledby` are public properties of lightning-datatable, which puts
 * them on its grid. Without them the stub's host would carry the attribute itself, which no
 * element of the real page does.
 */
export default class DatatableWithAccessibleName extends Datatable {
    @api ariaLabel;
    @api ariaLabelledBy;
}
