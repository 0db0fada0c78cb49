// A plain static file server for the offline tests, like `python3 -m http.server` or GitHub Pages:
// files and their content types, under a folder (/powlab/), and no COOP/COEP headers, so any
// cross-origin isolation the page gets comes from the service worker. serve() switches the folder
// it serves, as a redeployment would; close() takes the host off the network.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticHost {
  /** The app's address, ending in the folder's slash. */
  readonly url: string;
  /** Serves this folder from now on. */
  serve(root: string): void;
  /** Paths (under the folder) requested from the host since the last reset. */
  readonly requested: string[];
  close(): Promise<void>;
}

export async function startStaticHost(root: string, port: number, folder = '/powlab/'): Promise<StaticHost> {
  let current = root;
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    requested.push(path);
    if (path === folder.slice(0, -1)) {
      response.writeHead(301, { Location: folder }).end();
      return;
    }
    if (!path.startsWith(folder)) {
      response.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(current, path.slice(folder.length)));
    if (!file.startsWith(normalize(current) + sep) && file !== normalize(current)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    const stat = statSync(file);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Last-Modified': stat.mtime.toUTCString(),
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  return {
    url: `http://localhost:${port}${folder}`,
    requested,
    serve: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
