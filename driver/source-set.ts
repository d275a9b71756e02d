// The program's files: the driver reads every file the program's imports reach
// (directly or through another module) before the passes run, and hands them
// to the passes as data in the pass context (passes do no I/O). A file that
// cannot be read is kept with the reason, for resolve-modules to report at the
// `use` that names it. Each file is read once, however many `use`s reach it,
// and parsed once: its `use`s are found in its parse, which the parse pass
// takes (front-end/parse-once.ts).

import { join, posix } from "node:path";
import type { ModuleSource } from "../il/pass.js";
import { isCoreFile, moduleFileOf } from "../front-end/modules.js";
import { forgetParses, importsOf, parseOnce } from "../front-end/parse-once.js";
import { decodeSource } from "../front-end/source-file.js";
import { FileError, readRegularFile } from "./files.js";
import { packageRoot } from "./paths.js";

/** The text of one module's file: the compiler's own (core/...) from the package. */
function readModule(file: string): ModuleSource {
  const onDisk = isCoreFile(file) ? join(packageRoot, file) : file;
  try {
    const { text, diagnostics } = decodeSource(readRegularFile(onDisk), file);
    const bad = diagnostics[0];
    if (bad) return { file, source: null, error: `${file}:${bad.loc.line}:${bad.loc.col}: ${bad.message}` };
    return { file, source: text };
  } catch (e) {
    if (e instanceof FileError) return { file, source: null, error: e.message };
    throw e;
  }
}

/** Every file the imports of the program `mainFile` (whose text is `mainSource`) reach, by file name. */
export function readModules(mainFile: string, mainSource: string): Map<string, ModuleSource> {
  const modules = new Map<string, ModuleSource>();
  const main = posix.normalize(mainFile);
  forgetParses();
  const pending = importsOf(parseOnce(mainSource, mainFile, true)).map((path) => moduleFileOf(mainFile, path));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (modules.has(file) || file === main) continue; // (an import of the program's own file: a cycle, reported)
    const module = readModule(file);
    modules.set(file, module);
    if (module.source !== null) pending.push(...importsOf(parseOnce(module.source, file, false)).map((path) => moduleFileOf(file, path)));
  }
  return modules;
}
