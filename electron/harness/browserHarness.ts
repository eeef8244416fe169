import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_EVENTS } from '../../shared/ipc/apiContract.ts';
import type { InstallationKey } from '../signing/installationKey.ts';
import { nodeInstallationKey } from '../signing/nodeInstallationKey.ts';
import { AppService } from '../app/appService.ts';
import { chromiumPdfPrinter } from '../report/chromiumPdf.ts';
import { broadcastEvent, serveApiOnSocket } from './apiOverWebSocket.ts';

/** The largest message the harness takes from a window; a larger one closes that socket (1009). */
const MAX_CALL_BYTES = 1024 * 1024;

export interface BrowserHarness {
  /** Open this in Chromium: the renderer, with the per-run token in the fragment. */
  url: string;
  port: number;
  service: AppService;
  close(): Promise<void>;
}

/**
 * The app without Electron: the same main-process core (AppService) with its typed API carried over a
 * WebSocket on 127.0.0.1, guarded by a random per-run token, and the renderer served by Vite.
 */
export async function startBrowserHarness(options: {
  sessionsRoot: string;
  port?: number;
  /** This installation's key; by default the CLI's (a user-only file in ~/.cms-ha). */
  installationKey?: InstallationKey;
}): Promise<BrowserHarness> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  const service = new AppService(
    options.sessionsRoot,
    (event, payload) => broadcastEvent(sockets, event, API_EVENTS[event].parse(payload)),
    {
      printPdf: chromiumPdfPrinter(),
      installationKey: options.installationKey ?? (await nodeInstallationKey()),
    },
  );
  // The renderer as Electron loads it: built once, then served as static files (no dev-server client).
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-renderer-'));
  await build({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
    build: { outDir: rendererDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  const hasToken = (url: URL) => {
    const offered = Buffer.from(url.searchParams.get('token') ?? '');
    const expected = Buffer.from(token);
    return offered.length === expected.length && timingSafeEqual(offered, expected);
  };
  const server: Server = createServer((request, response) => {
    // A request the server cannot serve (a malformed address such as `/%`) is refused, never a crash.
    const serving = (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/exports/')) await serveExport(service, url, hasToken(url), response);
      else await serveStatic(rendererDir, request.url ?? '/', response);
    })();
    serving.catch(() => {
      if (!response.headersSent) response.writeHead(400);
      response.end();
    });
  });
  // The renderer's largest call is a few kilobytes (a note, a terminal keystroke burst): a megabyte is plenty.
  const webSocketServer = new WebSocketServer({ noServer: true, maxPayload: MAX_CALL_BYTES });
  // Whatever arrives on the port is answered or dropped: a malformed request never reaches a handler
  // that could throw, and a socket's error ends that socket only.
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const host = request.headers.host ?? '';
    const origin = request.headers.origin ?? '';
    const sameOrigin = origin === `http://${host}` && /^127\.0\.0\.1:\d+$/.test(host);
    if (url.pathname !== '/api' || !sameOrigin || !hasToken(url)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    webSocketServer.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      serveApiOnSocket(ws, service.handlers);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    service,
    close: async () => {
      for (const socket of sockets) socket.close();
      webSocketServer.close();
      await service.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(rendererDir, { recursive: true, force: true });
    },
  };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * An export of the open session as a download (the harness's "open": a browser page cannot reach the
 * desktop's programs). The token is required, as for the API; the path is checked as AppService checks it.
 */
async function serveExport(service: AppService, url: URL, authorised: boolean, response: ServerResponse) {
  if (!authorised) {
    response.writeHead(403).end();
    return;
  }
  const file = await service
    .exportedFile(decodeURIComponent(url.pathname.slice('/exports/'.length)))
    .catch(() => null);
  if (file === null) {
    response.writeHead(404).end();
    return;
  }
  const name = path.basename(file).replace(/[^\w.-]/g, '_');
  response
    .writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .end(await readFile(file));
}

/** Files of the built renderer only; anything outside it, or unknown, is a 404. */
async function serveStatic(root: string, url: string, response: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const type = CONTENT_TYPES[path.extname(file)];
  if (!file.startsWith(`${root}${path.sep}`) || !type) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    response
      .writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .end(body);
  } catch {
    response.writeHead(404).end();
  }
}
