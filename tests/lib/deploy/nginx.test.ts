import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../scripts/lib/dev-server.ts";
import {
  cachePolicies,
  nginxSiteConfig,
  serverOnlyHeaders,
} from "../../../src/lib/deploy/nginx.ts";
import { fontFacesOf } from "../../../src/lib/fonts.ts";
import { openDataFiles, openDataPath } from "../../../src/lib/open-data/files.ts";
import { assetTypes } from "../../../src/lib/passive-files.ts";
import { securityHeaders } from "../../../src/lib/security.ts";
import { buildRealSite } from "../../support/built-site.ts";
import { attribute, parseHtml, tag } from "../../support/html.ts";
import { makeTempDir } from "../../support/temp.ts";
import { findTool } from "../../support/tools.ts";

let folder: string;
let siteDir: string;
let origin: string;
let nginx: ChildProcess | undefined;
let errors = "";

let stylesheet: string;
let testWarnings = "";

/** A file of each type `assets/` may hold, as the build would copy it: `/assets/types/x.<extension>`. */
const assetOfEachType = Object.keys(assetTypes).map((extension) => `/assets/types/x.${extension}`);

beforeAll(async () => {
  const binary = findTool("nginx", "nginx");
  folder = await makeTempDir("gw-nginx-");
  siteDir = path.join(folder, "_site");
  const site = await buildRealSite();
  await cp(site.outputDir, siteDir, { recursive: true });
  stylesheet = site.stylesheet;
  await mkdir(path.join(siteDir, "assets/types"));
  for (const asset of assetOfEachType) await writeFile(path.join(siteDir, asset), "x");
  await writeFile(path.join(siteDir, ".hidden"), "not for readers\n");
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    await mkdir(path.join(folder, temp));
  }
  await writeFile(path.join(folder, "site.conf"), nginxSiteConfig({ root: siteDir }));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // One process as the current user (no workers switching to another user), everything in
  // the temporary folder: the server a reader's browser would meet, on this machine only.
  await writeFile(
    path.join(folder, "nginx.conf"),
    `daemon off;
master_process off;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  server {
    listen 127.0.0.1:${port};
    include ${folder}/site.conf;
  }
}
`,
  );
  const test = spawnSync(
    binary,
    ["-t", "-p", folder, "-e", "stderr", "-c", `${folder}/nginx.conf`],
    {
      encoding: "utf8",
    },
  );
  expect(test.status, test.stderr).toBe(0);
  testWarnings = test.stderr;
  nginx = spawn(binary, ["-p", folder, "-e", "stderr", "-c", `${folder}/nginx.conf`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  nginx.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${origin}/`);
      break;
    } catch (error) {
      if (attempt > 100) throw new Error(`nginx did not start: ${errors}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});

afterAll(async () => {
  if (nginx?.exitCode === null) {
    const exited = new Promise((resolve) => nginx?.once("exit", resolve));
    nginx.kill("SIGQUIT");
    await exited;
  }
});

const get = (pathname: string) => fetch(`${origin}${pathname}`, { redirect: "manual" });

/** The security headers every response carries, and the given cache policy. */
function expectHeaders(response: Response, cachePolicy: string, what: string): void {
  for (const [name, value] of Object.entries({
    ...securityHeaders,
    ...serverOnlyHeaders,
    "Cache-Control": cachePolicy,
  })) {
    expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
  }
  expect(response.headers.get("Server"), what).toBe("nginx");
}

describe("the nginx configuration, served by a real nginx", () => {
  it("serves every page with the security headers and the Content-Security-Policy of the page's meta tag, in UTF-8", async () => {
    for (const pathname of ["/", "/de/", "/en/data/", "/de/barrierefreiheit/"]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get("Content-Type"), pathname).toBe("text/html; charset=utf-8");
      expectHeaders(response, cachePolicies.other, pathname);
      const meta = parseHtml(await response.text()).first(
        tag("meta", { "http-equiv": "Content-Security-Policy" }),
      );
      expect(response.headers.get("Content-Security-Policy"), pathname).toBe(
        `${attribute(meta, "content")}; frame-ancestors 'none'`,
      );
    }
  });

  it("answers an unknown address, or a folder without a page, with status 404 and the 404 page of its language", async () => {
    const notFound = {
      de: await readFile(path.join(siteDir, "de/404.html"), "utf8"),
      en: await readFile(path.join(siteDir, "en/404.html"), "utf8"),
      root: await readFile(path.join(siteDir, "404.html"), "utf8"),
    };
    expect(notFound.de).not.toBe(notFound.en);
    for (const [pathname, language] of [
      ["/de/gibt-es-nicht/", "de"],
      ["/en/does-not-exist/", "en"],
      ["/en/data/missing.csv", "en"],
      ["/nowhere", "root"],
      ["/assets/", "root"],
      ["/assets/fonts/", "root"],
      ["/data/", "root"],
    ] as const) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.headers.get("Content-Type"), pathname).toBe("text/html; charset=utf-8");
      expectHeaders(response, cachePolicies.other, pathname);
      expect(await response.text(), pathname).toBe(notFound[language]);
    }
  });

  it("serves every type of file assets/ may hold with its media type", async () => {
    for (const asset of assetOfEachType) {
      const type = assetTypes[path.extname(asset).slice(1)]?.mediaType ?? "";
      const response = await get(asset);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("Content-Type"), asset).toBe(
        type.startsWith("text/") || type.endsWith("+xml") ? `${type}; charset=utf-8` : type,
      );
    }
  });

  it("starts without a warning", () => {
    expect(testWarnings).not.toContain("[warn]");
    expect(errors).not.toContain("[warn]");
  });

  it("serves the open data with their media types and charset utf-8", async () => {
    for (const file of openDataFiles) {
      const response = await get(openDataPath(file));
      expect(response.status, file.name).toBe(200);
      expect(response.headers.get("Content-Type"), file.name).toBe(
        `${file.mediaType}; charset=utf-8`,
      );
      expectHeaders(response, cachePolicies.other, file.name);
    }
  });

  it("lets browsers keep the build's fingerprinted stylesheet and fonts for a year and revalidate everything else", async () => {
    const fonts = fontFacesOf(await readFile(path.join(siteDir, stylesheet), "utf8"));
    expect(fonts.length).toBeGreaterThan(0);
    for (const [asset, type] of [
      [`/${stylesheet}`, "text/css; charset=utf-8"],
      ...fonts.map((face) => [face.url, "font/woff2"]),
    ] as const) {
      const hashed = await get(asset);
      expect(hashed.status, asset).toBe(200);
      expect(hashed.headers.get("Content-Type"), asset).toBe(type);
      expectHeaders(hashed, cachePolicies.hashedAsset, asset);
    }
    const plain = await get("/assets/favicon.svg");
    expectHeaders(plain, cachePolicies.other, "/assets/favicon.svg");
    expect(plain.headers.get("ETag")).toBeTruthy();
    const revalidated = await fetch(`${origin}/assets/favicon.svg`, {
      headers: { "If-None-Match": plain.headers.get("ETag") ?? "" },
    });
    expect(revalidated.status).toBe(304);
  });

  it("does not serve the file for other hosts or hidden files, and redirects a folder without its slash relatively", async () => {
    for (const pathname of ["/_headers", "/.hidden"]) {
      expect((await get(pathname)).status, pathname).toBe(404);
    }
    const folderWithoutSlash = await get("/de/daten");
    expect(folderWithoutSlash.status).toBe(301);
    expect(folderWithoutSlash.headers.get("Location")).toBe("/de/daten/");
    expect(errors).not.toMatch(/\[(emerg|alert|crit)\]/);
  });
});
