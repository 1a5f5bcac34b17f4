// The user's age identity in the browser, in the formats the Python client uses:
// the secret key as age's text ("AGE-SECRET-KEY-1…"), its backup as base64 of
// the secret key age-encrypted with a passphrase (scrypt). No cryptography of
// our own: age-encryption (typage) does it all.
import {
  Decrypter,
  Encrypter,
  generateX25519Identity,
  identityToRecipient,
} from "age-encryption";

import { ApiError } from "../api/ApiError";
import { fromBase64, toBase64 } from "./base64";

/** As the Python client: the server keeps the backup and could guess a short one. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** An X25519 secret key as age writes it. */
export const SECRET_KEY = /^AGE-SECRET-KEY-1[0-9A-Z]+$/;

/** A new X25519 identity (not the post-quantum kind, which pyrage cannot read). */
export async function newIdentity(): Promise<string> {
  return generateX25519Identity();
}

export async function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** Why a passphrase cannot protect a backup, or null when it can. */
export function passphraseProblem(passphrase: string): string | null {
  return passphrase.length < MIN_PASSPHRASE_LENGTH
    ? `The passphrase needs at least ${String(MIN_PASSPHRASE_LENGTH)} characters.`
    : null;
}

/**
 * The backup the server keeps. `scryptWorkFactor` is age's default unless a
 * test asks for a cheaper one.
 */
export async function backupIdentity(
  identity: string,
  passphrase: string,
  scryptWorkFactor?: number,
): Promise<string> {
  const problem = passphraseProblem(passphrase);
  if (problem !== null) throw new ApiError("invalid", problem);
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  if (scryptWorkFactor !== undefined) {
    encrypter.setScryptWorkFactor(scryptWorkFactor);
  }
  return toBase64(await encrypter.encrypt(identity));
}

/** The identity in a backup; a wrong passphrase or a damaged backup is refused. */
export async function restoreIdentity(
  backup: string,
  passphrase: string,
): Promise<string> {
  let identity: string;
  try {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(passphrase);
    identity = (await decrypter.decrypt(fromBase64(backup), "text")).trim();
  } catch (error) {
    throw new ApiError(
      "invalid",
      "The passphrase does not open this backup (or the backup is damaged).",
      { cause: error },
    );
  }
  if (!SECRET_KEY.test(identity)) {
    throw new ApiError(
      "invalid",
      "The backup does not hold an age secret key.",
    );
  }
  return identity;
}
