// Padded base64, as the Python client and the API carry every age blob.

const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Throws for anything but padded base64 (atob alone accepts more). */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new Error("not base64");
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}
