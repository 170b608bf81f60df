import * as path from 'node:path';
import {
    MessageChannel,
    receiveMessageOnPort,
    Worker,
    type MessagePort
} from 'node:worker_threads';

/**
 * A synchronous HTTP request, for the Apex interpreter whose `Http.send` must answer before the
 * next statement runs. A worker thread (syncHttpWorker.cjs) makes the request while this thread
 * blocks on `Atomics.wait`; the answer comes back on a MessagePort read with
 * `receiveMessageOnPort`. Only plain HTTP to this machine's loopback address is ever called.
 * The server must run in another thread or process: this thread's event loop does not turn
 * while it waits, so a server of its own could never answer, and every request would time out.
 */

export interface SyncHttpRequest {
    readonly method: string;
    readonly url: string;
    /** In the order set; a name given twice is sent with its last value. */
    readonly headers: readonly (readonly [string, string])[];
    readonly body: string | null;
    /** The longest the whole exchange may take, in milliseconds. */
    readonly timeoutMs: number;
}

export interface SyncHttpResponse {
    readonly status: number;
    readonly statusText: string;
    /** As the server sent them, names in their own case, repeats kept. */
    readonly headers: readonly (readonly [string, string])[];
    readonly body: string;
}

/** Why a request got no response: too slow, nobody listening, or another network failure. */
export type SyncHttpFailure = 'timeout' | 'refused' | 'failed';

/** A request that got no response; the caller turns it into its own kind of error. */
export class SyncHttpError extends Error {
    public constructor(
        public readonly kind: SyncHttpFailure,
        public readonly url: string,
        reason: string
    ) {
        super(`${url}: ${reason}`);
        this.name = 'SyncHttpError';
    }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL is plain HTTP to this machine's loopback address, the only place called. */
export function isLoopbackHttp(url: string): boolean {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return false;
    }
    return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase());
}

/** The worker, in plain JavaScript beside this file. */
const WORKER = path.join(__dirname, 'syncHttpWorker.cjs');

/**
 * How much longer than the request's own timeout this thread waits for the worker, which
 * enforces that timeout itself; past it the worker is taken to be stuck and replaced.
 */
const WORKER_GRACE_MS = 5000;

interface Answer {
    readonly id: number;
    readonly ok: boolean;
    readonly kind?: SyncHttpFailure;
    readonly message?: string;
    readonly status?: number;
    readonly statusText?: string;
    readonly headers?: [string, string][];
    readonly body?: string;
}

/** One worker thread serving requests one at a time; it never keeps the process alive. */
class HttpThread {
    private readonly thread: Worker;
    private readonly answers: MessagePort;
    private nextId = 0;
    /** Set when the worker outlived a request's own timeout: it is replaced. */
    public stuck = false;

    public constructor() {
        const { port1, port2 } = new MessageChannel();
        this.answers = port1;
        this.thread = new Worker(WORKER, {
            execArgv: [],
            workerData: { port: port2 },
            transferList: [port2]
        });
        this.thread.unref();
    }

    public request(request: SyncHttpRequest): SyncHttpResponse {
        const id = this.nextId++;
        const flag = new Int32Array(new SharedArrayBuffer(4));
        this.thread.postMessage({
            id,
            request: { ...request, headers: [...request.headers] },
            flag
        });
        const waited = Atomics.wait(flag, 0, 0, request.timeoutMs + WORKER_GRACE_MS);
        const answer = this.take(id);
        if (waited === 'timed-out' || !answer) {
            this.stuck = true;
            throw new SyncHttpError('timeout', request.url, 'the request thread did not answer');
        }
        if (!answer.ok) {
            throw new SyncHttpError(
                answer.kind ?? 'failed',
                request.url,
                answer.message ?? 'no response'
            );
        }
        return {
            status: answer.status ?? 0,
            statusText: answer.statusText ?? '',
            headers: answer.headers ?? [],
            body: answer.body ?? ''
        };
    }

    public stop(): Promise<number> {
        this.answers.close();
        return this.thread.terminate();
    }

    /** The answer to request `id`, skipping any left over from an earlier one. */
    private take(id: number): Answer | undefined {
        for (;;) {
            const received = receiveMessageOnPort(this.answers);
            if (!received) {
                return undefined;
            }
            const answer = received.message as Answer;
            if (answer.id === id) {
                return answer;
            }
        }
    }
}

let current: HttpThread | undefined;

/**
 * Makes an HTTP request and blocks until its response, the timeout or a failure. Throws an Error
 * naming the URL for anything but `http:` to 127.0.0.1, localhost or ::1; a SyncHttpError for a
 * timeout, a refused connection or another network failure.
 */
export function requestSync(request: SyncHttpRequest): SyncHttpResponse {
    if (!isLoopbackHttp(request.url)) {
        throw new Error(
            `Refused to call ${request.url}: only http: to 127.0.0.1, localhost or ::1 is called.`
        );
    }
    if (!Number.isInteger(request.timeoutMs) || request.timeoutMs < 1) {
        throw new Error(`A request to ${request.url} needs a positive timeout in milliseconds.`);
    }
    const thread = (current ??= new HttpThread());
    try {
        return thread.request(request);
    } finally {
        if (thread.stuck) {
            current = undefined;
            void thread.stop();
        }
    }
}

/** Ends the request thread, for a caller that wants no thread left when it finishes. */
export async function stopSyncHttp(): Promise<void> {
    const thread = current;
    current = undefined;
    await thread?.stop();
}
