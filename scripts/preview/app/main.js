/**
 * The preview page: the integration component as it renders in Lightning Experience, on the
 * synthetic shadow DOM that the platform uses, inside a setup-page frame.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import CalendlyIntegration from 'c/calendlyIntegration';

const element = createElement('c-calendly-integration', { is: CalendlyIntegration });
document.querySelector('#app').appendChild(element);
