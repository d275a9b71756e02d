#!/usr/bin/env node
// The qnano command. The TypeScript sources are compiled once (`npm run build`)
// so that starting the command never type-checks or transpiles anything.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error("qnano: not built yet: run `npm run build` (or `npm install`) in " + fileURLToPath(new URL("..", import.meta.url)));
  process.exit(1);
}
await import(main.href);
