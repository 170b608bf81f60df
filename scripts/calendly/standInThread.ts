import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CalendlyApi } from './api';
import type { Fault, Organization, StandInOptions } from './types';

/**
 * The stand-in's thread: a node:http server on 127.0.0.1 that answers with CalendlyApi, and the
 * control requests of server.ts (the request log, faults, another organization). It runs apart
 * from the thread that starts it, so that thread may block on a synchronous request (as the
 * embedded org's callouts do) and still be answered.
 */

/** What server.ts hands this thread. */
export interface ThreadData {
    readonly options: StandInOptions & { readonly organization: Organization };
    /** Where control answers go; read with receiveMessageOnPort while the caller waits. */
    readonly answers: MessagePort;
}

/** A control request: the caller waits on `flag` until the answer is on its port. */
export type ControlRequest =
    | {
          readonly id: number;
          readonly flag: Int32Array;
          readonly op: 'requests';
          readonly from: number;
      }
    | {
          readonly id: number;
          readonly flag: Int32Array;
          readonly op: 'setFaults';
          readonly faults: readonly Fault[];
      }
    | {
          readonly id: number;
          readonly flag: Int32Array;
          readonly op: 'setOrganization';
          readonly organization: Organization;
      }
    | {
          readonly id: number;
          readonly flag: Int32Array;
          readonly op: 'advanceClock';
          readonly milliseconds: number;
      }
    | { readonly id: number; readonly flag: Int32Array; readonly op: 'close' };

export interface ControlAnswer {
    readonly id: number;
    readonly ok: boolean;
    readonly value?: unknown;
    readonly message?: string;
}

/** The first message this thread posts: where it listens, or why it could not. */
export type ReadyMessage =
    | { readonly ready: true; readonly port: number; readonly token: string }
    | { readonly ready: false; readonly message: string };

function serve(data: ThreadData, port: MessagePort): void {
    let api: CalendlyApi | undefined;
    /** How far the stand-in's clock is ahead of the wall clock (see advanceClock). */
    let ahead = 0;
    const server = http.createServer((incoming, outgoing) => {
        // A GET has no body worth reading, but it is drained so the connection ends cleanly.
        incoming.resume();
        incoming.on('end', () => {
            if (api === undefined) {
                outgoing.statusCode = 503;
                outgoing.end();
                return;
            }
            const response = api.handle(
                {
                    method: incoming.method ?? 'GET',
                    url: incoming.url ?? '/',
                    authorization: incoming.headers.authorization
                },
                Date.now() + ahead
            );
            const send = (): void => {
                if (outgoing.destroyed) {
                    return;
                }
                outgoing.writeHead(response.status, response.headers);
                outgoing.end(response.body);
            };
            if (response.delayMs === undefined) {
                send();
            } else {
                setTimeout(send, response.delayMs);
            }
        });
    });
    server.on('error', (error) => {
        port.postMessage({ ready: false, message: error.message } satisfies ReadyMessage);
    });
    server.listen(data.options.port ?? 0, '127.0.0.1', () => {
        const { port: listening } = server.address() as AddressInfo;
        api = new CalendlyApi(data.options, `http://127.0.0.1:${listening}`);
        port.postMessage({ ready: true, port: listening, token: api.token } satisfies ReadyMessage);
    });
    port.on('message', (message: ControlRequest) => {
        let answer: ControlAnswer;
        try {
            answer = { id: message.id, ok: true, value: control(message) };
        } catch (error) {
            answer = {
                id: message.id,
                ok: false,
                message: error instanceof Error ? error.message : String(error)
            };
        }
        // The answer is on the port before the flag rises, so the waiting thread finds it.
        data.answers.postMessage(answer);
        Atomics.store(message.flag, 0, 1);
        Atomics.notify(message.flag, 0);
    });

    function control(message: ControlRequest): unknown {
        if (api === undefined) {
            throw new Error('The Calendly stand-in is not listening yet.');
        }
        switch (message.op) {
            case 'requests':
                return api.requests(message.from);
            case 'setFaults':
                api.setFaults(message.faults);
                return undefined;
            case 'setOrganization':
                api.setOrganization(message.organization);
                return undefined;
            case 'advanceClock':
                ahead += message.milliseconds;
                return undefined;
            case 'close':
                server.closeAllConnections();
                server.close();
                return undefined;
        }
    }
}

if (parentPort !== null) {
    serve(workerData as ThreadData, parentPort);
}
