import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createHandler } from "./app.js";

const HEADERS = {
  "Content-Security-Policy": "default-src 'none'",
  "X-Test": "yes",
};

/** @type {import("node:http").Server} */
let server;
let base = "";
let distDir = "";

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), "dist-"));
  await mkdir(join(distDir, "assets"));
  await writeFile(
    join(distDir, "index.html"),
    "<!doctype html><title>app</title>",
  );
  await writeFile(join(distDir, "assets", "index-abc.js"), "console.log(1);");
  server = createServer(
    createHandler({
      distDir,
      headers: HEADERS,
      runtimeConfig: { apiOrigin: "https://api.example.com" },
    }),
  );
  await new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve(undefined);
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("no port");
  base = `http://127.0.0.1:${String(address.port)}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(distDir, { recursive: true });
});

describe("createHandler", () => {
  it("serves the app with the security headers, revalidated on every visit", async () => {
    const response = await fetch(`${base}/`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>app</title>");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'",
    );
    expect(response.headers.get("x-test")).toBe("yes");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers the app's own routes with index.html", async () => {
    const response = await fetch(`${base}/admin/users?offset=20`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>app</title>");
  });

  it("serves hashed assets as immutable", async () => {
    const response = await fetch(`${base}/assets/index-abc.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it("answers a missing file with 404, headers and all", async () => {
    const response = await fetch(`${base}/assets/gone.js`);

    expect(response.status).toBe(404);
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'",
    );
  });

  it("tells the page where the API is, never from a cache", async () => {
    const response = await fetch(`${base}/config.json`);

    expect(await response.json()).toEqual({
      apiOrigin: "https://api.example.com",
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers health checks", async () => {
    const response = await fetch(`${base}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok\n");
  });

  it("refuses methods other than GET and HEAD", async () => {
    const response = await fetch(`${base}/`, { method: "POST", body: "x" });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});
