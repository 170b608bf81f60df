import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UsageError } from '../shared/command';
import { PreviewBackend } from './backend';

const SLDS_ASSETS = path.dirname(require.resolve('@salesforce-ux/design-system/package.json'));
const CONTENT_TYPES: Readonly<Record<string, string>> = {
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.png': 'image/png',
    '.jpg': 'image/jpeg'
};

/**
 * The page around the component: the SLDS style sheet and a frame like Lightning
 * Experience's setup pages (grey background, content in a padded column).
 */
const PAGE = `<!doctype html>
<html lang="en">
    <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Calendly Integration · Preview</title>
        <link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" />
        <style>
            body { background: #f3f3f3; }
        </style>
    </head>
    <body class="slds-scope">
        <main id="app" class="slds-p-around_medium"></main>
        <script type="module" src="/app.js"></script>
    </body>
</html>
`;

export interface PreviewServer {
    /** The page's address, such as http://127.0.0.1:3000/. */
    readonly url: string;
    close(): Promise<void>;
}

/** The longest request body the page sends: a method's arguments. */
const MAX_BODY = 64 * 1024;

/** Reads a request's JSON body, or says what is wrong with it. */
function readJson(request: http.IncomingMessage): Promise<unknown> {
    return new Promise((resolve, reject) => {
        let body = '';
        request.setEncoding('utf8');
        request.on('data', (chunk: string) => {
            body += chunk;
            if (body.length > MAX_BODY) {
                reject(new Error(`a body larger than ${MAX_BODY} bytes`));
                request.destroy();
            }
        });
        request.on('end', () => {
            try {
                resolve(JSON.parse(body) as unknown);
            } catch {
                reject(new Error('a body that is not JSON'));
            }
        });
        request.on('error', reject);
    });
}

/** POST /apex/<method> with `{ page, args }`: the real controller answers (see backend.ts). */
function answerApex(
    backend: PreviewBackend,
    method: string,
    request: http.IncomingMessage,
    response: http.ServerResponse
): void {
    if (request.method !== 'POST') {
        send(response, 405, 'application/json', JSON.stringify({ message: 'Use POST.' }));
        return;
    }
    readJson(request)
        .then((body) => {
            const { page, args } = (body ?? {}) as { page?: unknown; args?: unknown };
            return backend.call(method, typeof page === 'string' ? page : '', args ?? {});
        })
        .then(
            (answer) => {
                send(response, answer.status, 'application/json', JSON.stringify(answer.body));
            },
            (error: unknown) => {
                const message = error instanceof Error ? error.message : String(error);
                process.stderr.write(`preview: ${method} failed: ${message}\n`);
                send(
                    response,
                    500,
                    'application/json',
                    JSON.stringify({
                        message: `The preview could not answer ${method}: ${message}`
                    })
                );
            }
        );
}

/**
 * Serves the preview page, its script and the SLDS assets (style sheet, icons, fonts) on
 * 127.0.0.1 only, and answers the page's Apex calls with the real controller. Port 0 picks a
 * free port.
 */
export async function servePreview(script: string, port: number): Promise<PreviewServer> {
    const assetsRoot = path.join(SLDS_ASSETS, 'assets');
    const backend = new PreviewBackend();
    const server = http.createServer((request, response) => {
        const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
        const apex = /^\/apex\/(\w+)$/.exec(pathname);
        if (apex?.[1] !== undefined) {
            answerApex(backend, apex[1], request, response);
        } else if (pathname === '/' || pathname === '/index.html') {
            send(response, 200, 'text/html; charset=utf-8', PAGE);
        } else if (pathname === '/favicon.ico') {
            response.writeHead(204).end();
        } else if (pathname === '/app.js') {
            send(response, 200, 'text/javascript; charset=utf-8', script);
        } else if (pathname.startsWith('/assets/')) {
            const file = path.join(
                assetsRoot,
                decodeURIComponent(pathname.slice('/assets/'.length))
            );
            const type = CONTENT_TYPES[path.extname(file)];
            if (!file.startsWith(assetsRoot + path.sep) || type === undefined) {
                send(response, 404, 'text/plain', 'Not found');
                return;
            }
            readFile(file).then(
                (body) => {
                    send(response, 200, type, body);
                },
                () => {
                    send(response, 404, 'text/plain', 'Not found');
                }
            );
        } else {
            send(response, 404, 'text/plain', 'Not found');
        }
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
            reject(
                error.code === 'EADDRINUSE'
                    ? new UsageError(
                          `Port ${port} on 127.0.0.1 is in use: set PORT to another port (PORT=0 picks a free one).`
                      )
                    : error
            );
        });
        server.listen(port, '127.0.0.1', resolve);
    });
    const { port: bound } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${bound}/`,
        close: async () => {
            await new Promise<void>((resolve, reject) => {
                server.closeAllConnections();
                server.close((error) => {
                    if (error) {
                        reject(error);
                    } else {
                        resolve();
                    }
                });
            });
            await backend.close();
        }
    };
}

function send(
    response: http.ServerResponse,
    status: number,
    type: string,
    body: string | Buffer
): void {
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    response.end(body);
}
