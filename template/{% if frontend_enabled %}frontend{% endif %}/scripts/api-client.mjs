// The typed API client, generated from the committed contract (../docs/api/).
//
//   node scripts/api-client.mjs generate   writes src/api/generated/
//   node scripts/api-client.mjs check      regenerates into a temporary folder and
//                                          fails when the committed files differ
//
// The generator of this project's API style is scripts/api-generator.mjs.
import {
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { CONTRACT, generateClient } from "./api-generator.mjs";

const GENERATED = fileURLToPath(
  new URL("../src/api/generated/", import.meta.url),
);

/** @param {string} path */
async function readIfPresent(path) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      return null;
    }
    throw error;
  }
}

/**
 * The generated files, each ending with one newline (as the pre-commit hooks
 * would leave them).
 *
 * @returns {Promise<Record<string, string>>}
 */
async function generatedFiles() {
  const files = await generateClient();
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, `${text.trimEnd()}\n`]),
  );
}

async function generate() {
  const files = await generatedFiles();
  await mkdir(GENERATED, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(GENERATED, name), text);
    console.log(`wrote src/api/generated/${name} from ${CONTRACT}`);
  }
}

async function check() {
  const files = await generatedFiles();
  const fresh = await mkdtemp(join(tmpdir(), "api-client-"));
  const stale = [];
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(fresh, name), text);
    if ((await readIfPresent(join(GENERATED, name))) !== text) stale.push(name);
  }
  const committed = await readdir(GENERATED).catch(() => []);
  const unexpected = committed.filter((name) => !(name in files));
  if (stale.length === 0 && unexpected.length === 0) {
    await rm(fresh, { recursive: true });
    console.log(`src/api/generated/ matches ${CONTRACT}`);
    return;
  }
  for (const name of stale) {
    console.error(
      `src/api/generated/${name} is stale: diff -u src/api/generated/${name} ${join(fresh, name)}`,
    );
  }
  for (const name of unexpected) {
    console.error(
      `src/api/generated/${name} is not generated from the contract`,
    );
  }
  console.error(
    `The typed client does not match ${CONTRACT}: run \`npm run api:generate\` and commit the result.`,
  );
  process.exitCode = 1;
}

const commands = { generate, check };
const command = process.argv[2];
if (command !== "generate" && command !== "check") {
  console.error("usage: node scripts/api-client.mjs generate|check");
  process.exitCode = 2;
} else {
  await commands[command]();
}
