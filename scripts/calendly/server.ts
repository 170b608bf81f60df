import * as path from 'node:path';
import {
    MessageChannel,
    receiveMessageOnPort,
    Worker,
    type MessagePort
} from 'node:worker_threads';
import { generateOrganization } from './organization';
import type { ControlAnswer, ControlRequest, ReadyMessage, ThreadData } from './standInThread';
import type { Fault, Organization, RequestLog, StandInOptions } from './types';

/**
 * Starts the Calendly API v2 stand-in on 127.0.0.1 in a worker thread of its own. The embedded
 * org's callouts block the calling thread on Atomics.wait (scripts/runtime/drivers/syncHttp.ts),
 * so a server on that thread could never answer; in its own thread it answers synchronous and
 * asynchronous clients alike. Its controls (`requests`, `setFaults`, `setOrganization`) are
 * synchronous too: each waits for the thread's answer, so a request sent next sees the change.
 */

export interface CalendlyStandIn {
    /** `http://127.0.0.1:<port>`, without a trailing slash. */
    readonly url: string;
    /** The organization owner's token, for `Authorization: Bearer <token>`. */
    readonly token: string;
    /**
     * Every request served so far, in order; from the given index on, for a caller that read
     * the ones before (a long run reads its log step by step without copying it again).
     */
    requests(from?: number): RequestLog[];
    /** Replaces the pending faults; `[]` clears them, the expired token included. */
    setFaults(faults: readonly Fault[]): void;
    /** Serves this organization from the next request on (a sync between two runs). */
    setOrganization(organization: Organization): void;
    /**
     * Moves the stand-in's clock forward, as time passes for Calendly while a caller skips a
     * wait: rate-limit windows end and X-RateLimit-Reset counts from the new time.
     */
    advanceClock(milliseconds: number): void;
    close(): Promise<void>;
}

/** The thread's entry, beside this file: it registers tsx in the thread (see the file). */
const THREAD = path.join(__dirname, 'standInThread.cjs');

/** The longest a control request may wait for the thread; it answers at once when healthy. */
const CONTROL_TIMEOUT_MS = 10_000;

class Controls {
    private nextId = 0;

    public constructor(
        private readonly thread: Worker,
        private readonly answers: MessagePort
    ) {}

    /** Sends a control request and blocks until the thread has answered it. */
    public call(request: DistributiveOmit<ControlRequest, 'id' | 'flag'>): unknown {
        const id = this.nextId++;
        const flag = new Int32Array(new SharedArrayBuffer(4));
        this.thread.postMessage({ ...request, id, flag });
        const waited = Atomics.wait(flag, 0, 0, CONTROL_TIMEOUT_MS);
        for (;;) {
            const received = receiveMessageOnPort(this.answers);
            if (!received) {
                break;
            }
            const answer = received.message as ControlAnswer;
            if (answer.id !== id) {
                continue;
            }
            if (!answer.ok) {
                throw new Error(
                    `The Calendly stand-in refused ${request.op}: ${answer.message ?? ''}`
                );
            }
            return answer.value;
        }
        throw new Error(
            `The Calendly stand-in did not answer ${request.op} within ${CONTROL_TIMEOUT_MS} ms (${waited}).`
        );
    }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Starts a stand-in and resolves once it listens. Close it when done: its thread keeps the
 * process alive, as any server does.
 */
export async function startCalendlyStandIn(options: StandInOptions = {}): Promise<CalendlyStandIn> {
    const organization = options.organization ?? generateOrganization({ seed: 1, members: 25 });
    const { port1, port2 } = new MessageChannel();
    const data: ThreadData = { options: { ...options, organization }, answers: port2 };
    const thread = new Worker(THREAD, { execArgv: [], workerData: data, transferList: [port2] });
    let ready: ReadyMessage;
    try {
        ready = await new Promise<ReadyMessage>((resolve, reject) => {
            thread.once('message', resolve);
            thread.once('error', reject);
            thread.once('exit', (code) => {
                reject(
                    new Error(
                        `The Calendly stand-in's thread stopped before listening (exit ${code}).`
                    )
                );
            });
        });
    } catch (error) {
        port1.close();
        await thread.terminate();
        throw error;
    }
    if (!ready.ready) {
        port1.close();
        await thread.terminate();
        throw new Error(
            `The Calendly stand-in could not listen on 127.0.0.1:${options.port ?? 0}: ${ready.message}`
        );
    }
    thread.removeAllListeners();
    const controls = new Controls(thread, port1);
    let closed = false;
    return {
        url: `http://127.0.0.1:${ready.port}`,
        token: ready.token,
        requests: (from = 0) => controls.call({ op: 'requests', from }) as RequestLog[],
        setFaults: (faults) => {
            controls.call({ op: 'setFaults', faults });
        },
        setOrganization: (next) => {
            controls.call({ op: 'setOrganization', organization: next });
        },
        advanceClock: (milliseconds) => {
            if (!Number.isFinite(milliseconds) || milliseconds < 0) {
                throw new Error(
                    `The stand-in's clock moves forward only, by a finite number of milliseconds, not ${milliseconds}.`
                );
            }
            controls.call({ op: 'advanceClock', milliseconds });
        },
        close: async () => {
            if (closed) {
                return;
            }
            closed = true;
            controls.call({ op: 'close' });
            port1.close();
            await thread.terminate();
        }
    };
}
