'use strict';
/**
 * The thread behind requestSync (syncHttp.ts): it makes each HTTP request with node:http while
 * the caller's thread waits on a shared flag, then posts the answer on the caller's port and
 * raises the flag. Plain JavaScript, so that it runs in a worker thread without a TypeScript
 * loader.
 */
const { Buffer } = require('node:buffer');
const http = require('node:http');
const { clearTimeout, setTimeout } = require('node:timers');
const { parentPort, workerData } = require('node:worker_threads');

/** @type {import('node:worker_threads').MessagePort} */
const answers = workerData.port;

/**
 * @param {{ method: string, url: string, headers: [string, string][], body: string | null,
 *   timeoutMs: number }} request
 * @returns {Promise<object>} the response, or the failure's kind and reason
 */
function perform(request) {
    return new Promise((resolve) => {
        let settled = false;
        /** @type {NodeJS.Timeout | undefined} */
        let timer;
        /** @param {object} answer */
        const finish = (answer) => {
            if (!settled) {
                settled = true;
                clearTimeout(timer);
                resolve(answer);
            }
        };
        /** @param {Error & { code?: string }} error */
        const failed = (error) =>
            finish({
                ok: false,
                kind: error.code === 'ECONNREFUSED' ? 'refused' : 'failed',
                message: error.message
            });
        const headers = {};
        for (const [name, value] of request.headers) {
            headers[name] = value;
        }
        // A fresh connection each time: nothing is left open for the stand-in to wait on.
        const outgoing = http.request(
            request.url,
            { method: request.method, headers, agent: false },
            (response) => {
                const chunks = [];
                response.on('data', (chunk) => chunks.push(chunk));
                response.on('error', failed);
                response.on('end', () => {
                    const pairs = [];
                    for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
                        pairs.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
                    }
                    finish({
                        ok: true,
                        status: response.statusCode,
                        statusText: response.statusMessage || '',
                        headers: pairs,
                        body: Buffer.concat(chunks).toString('utf8')
                    });
                });
            }
        );
        // The timeout covers the whole exchange, from connecting to the last byte of the body.
        timer = setTimeout(() => {
            finish({
                ok: false,
                kind: 'timeout',
                message: `no complete response within ${request.timeoutMs} ms`
            });
            outgoing.destroy();
        }, request.timeoutMs);
        outgoing.on('error', failed);
        if (request.body === null) {
            outgoing.end();
        } else {
            outgoing.end(request.body, 'utf8');
        }
    });
}

parentPort.on('message', (message) => {
    const { id, request, flag } = message;
    perform(request).then((answer) => {
        // The answer is on the port before the flag rises, so the waiting thread finds it.
        answers.postMessage({ id, ...answer });
        Atomics.store(flag, 0, 1);
        Atomics.notify(flag, 0);
    });
});
