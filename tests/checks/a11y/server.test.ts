import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiteServer, type SiteServer } from "../../../src/checks/a11y/server.ts";
import { temporaryDir, writeFiles } from "./fixtures.ts";

describe("startSiteServer", () => {
  let server: SiteServer;

  beforeAll(async () => {
    const dir = temporaryDir("server");
    writeFiles(dir, {
      "index.html": "chooser",
      "de/index.html": "start",
      "de/404.html": "nicht gefunden",
      "assets/site.css": "body{}",
      "assets/.hidden.html": "versteckt",
      "assets/p5.xht": "<html/>",
      "de/seite.njk": "<script>document.title='ran'</script>",
    });
    server = await startSiteServer(dir);
  });

  afterAll(async () => {
    await server.close();
  });

  const get = async (path: string) => {
    const response = await fetch(server.origin + path);
    return {
      status: response.status,
      body: await response.text(),
      type: response.headers.get("content-type"),
    };
  };

  it("listens on 127.0.0.1 on a free port", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves folders by their index.html and files as they are", async () => {
    expect(await get("/de/")).toMatchObject({ status: 200, body: "start" });
    expect(await get("/")).toMatchObject({ status: 200, body: "chooser" });
    expect(await get("/assets/site.css")).toMatchObject({
      status: 200,
      type: expect.stringContaining("text/css") as unknown,
    });
  });

  it("serves each file with the type static hosts give it, and one of an unknown type as a download", async () => {
    expect(await get("/assets/p5.xht")).toMatchObject({ type: "application/xhtml+xml" });
    expect(await get("/de/seite.njk")).toMatchObject({
      status: 200,
      type: "application/octet-stream",
    });
  });

  it("serves hidden files, as static hosts do", async () => {
    expect(await get("/assets/.hidden.html")).toMatchObject({ status: 200, body: "versteckt" });
  });

  it("serves a 404 page with status 200 when it is asked for by name", async () => {
    expect(await get("/de/404.html")).toMatchObject({ status: 200, body: "nicht gefunden" });
  });

  it("answers unknown URLs with 404 and the nearest 404 page", async () => {
    expect(await get("/de/gibt-es-nicht/")).toMatchObject({ status: 404, body: "nicht gefunden" });
    expect(await get("/en/missing/")).toMatchObject({ status: 404, body: "Not found" });
  });

  it("stops accepting connections once closed", async () => {
    const dir = temporaryDir("server");
    writeFiles(dir, { "index.html": "x" });
    const other = await startSiteServer(dir);
    await other.close();
    await expect(fetch(`${other.origin}/`)).rejects.toThrow();
  });
});
