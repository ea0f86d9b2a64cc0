// Times the npm peer `sops-age` decrypting one SOPS file in this Node process (start-up excluded).
// Usage: node bench-sops-age.mjs FILE AGE_KEYS_FILE N [WARMUP]
// Reads FILE once, runs WARMUP untimed decrypts (default N), then times N decrypts from the same
// string with process.hrtime.bigint() and prints one line: "sops-age ms/op <mean> leaves <count>".
// sops-age does not verify the file's MAC.
import { readFileSync } from "node:fs";
import { decryptSops } from "sops-age";

const [file, keyFile, nArg, warmupArg] = process.argv.slice(2);
const n = Number.parseInt(nArg ?? "10", 10);
const warmup = Number.parseInt(warmupArg ?? nArg ?? "10", 10);
const secretKey = readFileSync(keyFile, "utf8")
  .split("\n")
  .find((line) => line.startsWith("AGE-SECRET-KEY-"))
  .trim();
const content = readFileSync(file, "utf8");
const options = { secretKey, fileType: "yaml" };

function countLeaves(value) {
  if (Array.isArray(value)) return value.reduce((sum, v) => sum + countLeaves(v), 0);
  if (value !== null && typeof value === "object") {
    return Object.values(value).reduce((sum, v) => sum + countLeaves(v), 0);
  }
  return 1;
}

let last;
for (let i = 0; i < warmup; i++) last = await decryptSops(content, options);
const start = process.hrtime.bigint();
for (let i = 0; i < n; i++) last = await decryptSops(content, options);
const elapsed = process.hrtime.bigint() - start;
const msPerOp = Number(elapsed) / 1e6 / n;
process.stdout.write(`sops-age ms/op ${msPerOp.toFixed(3)} leaves ${countLeaves(last)}\n`);
