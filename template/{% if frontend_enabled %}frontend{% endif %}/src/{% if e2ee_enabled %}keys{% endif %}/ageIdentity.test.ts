import { describe, expect, it } from "vitest";

import { ApiError } from "../api/ApiError";
import {
  backupIdentity,
  newIdentity,
  passphraseProblem,
  recipientOf,
  restoreIdentity,
} from "./ageIdentity";

const PASSPHRASE = "correct horse battery staple";
// Cheap scrypt for tests; real backups use age's default.
const TEST_WORK_FACTOR = 10;

describe("ageIdentity", () => {
  it("makes an X25519 identity and its recipient", async () => {
    const identity = await newIdentity();

    expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(await recipientOf(identity)).toMatch(/^age1[0-9a-z]+$/);
  });

  it("restores the identity from its backup with the passphrase", async () => {
    const identity = await newIdentity();

    const backup = await backupIdentity(identity, PASSPHRASE, TEST_WORK_FACTOR);

    expect(backup).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(backup).not.toContain(identity);
    expect(atob(backup)).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    expect(await restoreIdentity(backup, PASSPHRASE)).toBe(identity);
  });

  it("refuses a wrong passphrase", async () => {
    const backup = await backupIdentity(
      await newIdentity(),
      PASSPHRASE,
      TEST_WORK_FACTOR,
    );

    await expect(
      restoreIdentity(backup, "not the passphrase at all"),
    ).rejects.toThrow("does not open this backup");
  });

  it("refuses a damaged backup and one that is not base64", async () => {
    const backup = await backupIdentity(
      await newIdentity(),
      PASSPHRASE,
      TEST_WORK_FACTOR,
    );
    const bytes = Uint8Array.from(atob(backup), (c) => c.charCodeAt(0));
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    let tampered = "";
    for (const byte of bytes) tampered += String.fromCharCode(byte);

    await expect(restoreIdentity(btoa(tampered), PASSPHRASE)).rejects.toThrow(
      ApiError,
    );
    await expect(restoreIdentity("%%%", PASSPHRASE)).rejects.toThrow(ApiError);
  });

  it("refuses a backup that holds something other than a secret key", async () => {
    const { Encrypter } = await import("age-encryption");
    const encrypter = new Encrypter();
    encrypter.setPassphrase(PASSPHRASE);
    encrypter.setScryptWorkFactor(TEST_WORK_FACTOR);
    const sealed = await encrypter.encrypt("<script>alert(1)</script>");
    let binary = "";
    for (const byte of sealed) binary += String.fromCharCode(byte);

    await expect(restoreIdentity(btoa(binary), PASSPHRASE)).rejects.toThrow(
      "does not hold an age secret key",
    );
  });

  it("refuses a passphrase too short to protect a backup", async () => {
    expect(passphraseProblem("short")).toMatch(/at least 12/);
    expect(passphraseProblem("twelve chars")).toBeNull();
    await expect(backupIdentity(await newIdentity(), "short")).rejects.toThrow(
      "at least 12",
    );
  });
});
