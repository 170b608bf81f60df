/**
 * What the integration page's tests share: the controller's answers, recorded from the real
 * CalendlySyncController in the preview's scenarios (npm run preview -- record), and helpers to
 * render a component and read it.
 */
import { createElement } from 'lwc';

export const ANSWERS = {
    CONNECTED: require('./data/connectionConnected.json'),
    NOT_CONNECTED: require('./data/connectionNotConnected.json'),
    ORGANIZATION_UNREADABLE: require('./data/connectionOrganizationUnreadable.json'),
    HOURLY_ON: require('./data/hourlyOn.json'),
    HOURLY_OFF: require('./data/hourlyOff.json'),
    REPORT_FLOW_ACTIVE: require('./data/mappingReportFlowActive.json'),
    REPORT_FLOW_ACTIVE_NEXT_PAGE: require('./data/mappingReportFlowActiveNextPage.json'),
    REPORT_ALL_MAPPED: require('./data/mappingReportAllMapped.json'),
    REPORT_NO_FLOW: require('./data/mappingReportNoFlow.json'),
    REPORT_NO_LINKS: require('./data/mappingReportNoLinks.json'),
    RECENT_RUNS: require('./data/recentRuns.json'),
    RUN_QUEUED: require('./data/runQueued.json'),
    RUN_RUNNING: require('./data/runRunning.json'),
    RUN_SUCCEEDED: require('./data/runSucceeded.json'),
    RUN_WITH_SKIPPED_LINKS: require('./data/runWithSkippedLinks.json'),
    RUN_FAILED: require('./data/runFailed.json')
};

/** Lets pending promise callbacks and the re-render run: ten microtask turns. */
export function flushPromises() {
    let turns = Promise.resolve();
    for (let i = 0; i < 10; i++) {
        turns = turns.then(() => undefined);
    }
    return turns;
}

/** Creates a component with these properties, attaches it and lets it render. */
export async function render(tag, Component, props = {}) {
    const element = createElement(tag, { is: Component });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

export function removeAll() {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}

/**
 * The element with this data-id in a component's template or, when it has none, in the
 * templates of the components it renders, in document order.
 */
export function byDataId(element, id) {
    const selector = `[data-id="${id}"]`;
    const found = element.shadowRoot.querySelector(selector);
    if (found) {
        return found;
    }
    for (const child of element.shadowRoot.querySelectorAll('*')) {
        if (child.shadowRoot) {
            const nested = byDataId(child, id);
            if (nested) {
                return nested;
            }
        }
    }
    return null;
}

/** Every element matching a selector in a component and the components it renders. */
export function allDeep(element, selector) {
    const own = [...element.shadowRoot.querySelectorAll(selector)];
    const nested = [...element.shadowRoot.querySelectorAll('*')]
        .filter((child) => child.shadowRoot)
        .flatMap((child) => allDeep(child, selector));
    return [...own, ...nested];
}

export const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : '');

/** The alert inside a c-calendly-alert with this data-id, or null when there is none. */
export function alertOf(element, id) {
    const host = byDataId(element, id);
    return host ? host.shadowRoot.querySelector('[role="alert"]') : null;
}

/** An error as imperative Apex rejects with an AuraHandledException. */
export function apexError(message) {
    return { status: 500, body: { message }, headers: {} };
}

/** A promise the test settles itself, to look at the page while a call is pending. */
export function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

/** The percentage a progress bar shows for a run, as calendlyUtils computes it. */
export function percentOf(run) {
    return Math.min(100, Math.round((run.linksProcessed * 100) / run.expectedLinks));
}
