import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UsageError } from '../shared/command';

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

/**
 * Serves the preview page, its script and the SLDS assets (style sheet, icons, fonts) on
 * 127.0.0.1 only. Port 0 picks a free port.
 */
export async function servePreview(script: string, port: number): Promise<PreviewServer> {
    const assetsRoot = path.join(SLDS_ASSETS, 'assets');
    const server = http.createServer((request, response) => {
        const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
        if (pathname === '/' || pathname === '/index.html') {
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
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.closeAllConnections();
                server.close((error) => {
                    if (error) {
                        reject(error);
                    } else {
                        resolve();
                    }
                });
            })
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
