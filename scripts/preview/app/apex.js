/**
 * The page's Apex transport: each `@salesforce/apex/CalendlySyncController.<method>` import of
 * the components resolves to a function that posts its arguments to the preview server, where
 * the real controller answers in the embedded org of the page's scenario (the query string
 * names it). It resolves and rejects as Lightning does: with the value, or with
 * `{ status, body: { message } }`.
 *
 * For the browser tests, `window.calendlyPreview` counts the calls of each method (`calls`),
 * keeps the last answer of each (`answers`), and `settled()` resolves once no call is pending
 * and the components have taken their answers.
 */

const calls = {};
const answers = {};
let pending = 0;
let waiting = [];

/** Lets the components' promise callbacks and re-renders run. */
async function flushMicrotasks() {
    for (let turn = 0; turn < 20; turn++) {
        await Promise.resolve();
    }
}

async function release() {
    await flushMicrotasks();
    if (pending === 0) {
        const resolved = waiting;
        waiting = [];
        resolved.forEach((resolve) => resolve());
    }
}

function settled() {
    if (pending === 0) {
        return flushMicrotasks();
    }
    return new Promise((resolve) => waiting.push(resolve));
}

window.calendlyPreview = { calls, answers, settled };

/** Calls a method of CalendlySyncController with the arguments the component passes. */
export async function callApex(method, args) {
    calls[method] = (calls[method] || 0) + 1;
    pending += 1;
    try {
        const response = await window.fetch(`/apex/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ page: window.location.search, args: args || {} })
        });
        const answer = await response.json();
        if (!response.ok) {
            throw { status: response.status, body: { message: answer.message } };
        }
        if (!answer.ok) {
            throw answer.error;
        }
        answers[method] = answer.value;
        return answer.value;
    } finally {
        pending -= 1;
        if (pending === 0) {
            release();
        }
    }
}
