import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, posix } from "node:path";
import sirv from "sirv";
import { servedMediaType } from "../../lib/passive-files.ts";
import { fileForPath } from "./pages.ts";

/** A running local server for a built site. */
export interface SiteServer {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  close(): Promise<void>;
}

/** The nearest 404.html above the requested path (/de/x/y → de/x/404.html, de/404.html, 404.html). */
function notFoundPage(siteDir: string, urlPath: string): string | null {
  let dir = posix.dirname(posix.normalize(`${urlPath}x`));
  for (;;) {
    const file = join(siteDir, dir, "404.html");
    if (existsSync(file)) return file;
    if (dir === "/" || dir === ".") return null;
    dir = posix.dirname(dir);
  }
}

function respondNotFound(siteDir: string, req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://site").pathname;
  const page = notFoundPage(siteDir, path);
  res.statusCode = 404;
  res.setHeader("Content-Type", page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
  res.end(page ? readFileSync(page) : "Not found");
}

/** Resolves once the server answers an HTTP request at all; retries while the port refuses. */
async function waitUntilAnswering(origin: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${origin}/`, { method: "HEAD" });
      await response.body?.cancel();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `The local site server at ${origin} did not answer within ${timeoutMs} ms.`,
          {
            cause: error,
          },
        );
      }
      await new Promise((resolveRetry) => setTimeout(resolveRetry, 20));
    }
  }
}

/**
 * Serves a built site on 127.0.0.1 on a free port, like a plain static host: files as they are,
 * "/dir/" as dir/index.html, and unknown URLs with status 404 and the nearest 404.html.
 * Resolves once the server answers requests.
 */
export async function startSiteServer(siteDir: string): Promise<SiteServer> {
  const serveFile = sirv(siteDir, {
    dev: false,
    etag: true,
    // Static hosts serve hidden files too, and the gate checks every file they would serve.
    dotfiles: true,
    // A file of a type sirv does not know would go out without a type, and Chromium would sniff
    // it (and render HTML in it); static hosts send it as a download, and so does this server.
    setHeaders: (res, pathname) => {
      const file = fileForPath(siteDir, pathname);
      if (file !== null && servedMediaType(file) === undefined) {
        res.setHeader("Content-Type", "application/octet-stream");
      }
    },
    onNoMatch: (req, res) => {
      respondNotFound(siteDir, req, res);
    },
  });
  const server = createServer((req, res) => {
    serveFile(req, res);
  });
  // Browsers keep connections alive; without this, close() would wait for them to time out.
  const close = () =>
    new Promise<void>((resolveClose) => {
      server.close(() => {
        resolveClose();
      });
      server.closeAllConnections();
    });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(origin, 5000);
  } catch (error) {
    await close();
    throw error;
  }
  return { origin, close };
}
