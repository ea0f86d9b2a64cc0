// Decrypts a SOPS file with the npm peer `sops-age` and prints the result as JSON.
// Usage: node sops-age-decrypt.mjs FILE AGE_KEYS_FILE (yaml|json|env)
import { readFileSync } from "node:fs";
import { decryptSops } from "sops-age";

const [file, keyFile, fileType] = process.argv.slice(2);
const secretKey = readFileSync(keyFile, "utf8")
  .split("\n")
  .find((line) => line.startsWith("AGE-SECRET-KEY-"))
  .trim();
const result = await decryptSops({ path: file, secretKey, fileType });
process.stdout.write(JSON.stringify(result));
