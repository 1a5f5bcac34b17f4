import { describe, expect, it } from "vitest";

import {
  ConfigError,
  connectOrigins,
  parseOrigin,
  readConfig,
} from "./config.js";

describe("readConfig", () => {
  it("defaults to this machine, port 8080 and the API on the same origin", () => {
    const config = readConfig({});

    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 8080,
      apiOrigin: "",
    });
    expect(config.distDir).toMatch(/dist\/?$/);
    expect(connectOrigins(config)).toEqual([]);
  });

  it("reads the origins the page may call", () => {
    const config = readConfig({
      API_ORIGIN: "https://api.example.com/",
      OBJECT_STORE_ORIGIN: "https://files.example.com",
    });

    expect(connectOrigins(config)).toEqual([
      "https://api.example.com",
      "https://files.example.com",
    ]);
  });

  it("refuses a port that is not one", () => {
    expect(() => readConfig({ PORT: "80a" })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: "70000" })).toThrow(/PORT/);
  });
});

describe("parseOrigin", () => {
  it.each([
    ["a path", "https://api.example.com/v1"],
    ["a second directive", "https://api.example.com; script-src *"],
    ["another scheme", "ftp://api.example.com"],
    ["no URL", "api.example.com"],
    ["a wildcard", "*"],
  ])("refuses %s, naming the variable", (_case, value) => {
    expect(() => parseOrigin("API_ORIGIN", value)).toThrow(
      /^API_ORIGIN must be/,
    );
  });

  it("keeps a port", () => {
    expect(parseOrigin("API_ORIGIN", "http://127.0.0.1:8000")).toBe(
      "http://127.0.0.1:8000",
    );
  });
});
