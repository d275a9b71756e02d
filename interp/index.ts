// Every IL's interpreter, by IL name. An interpreter takes a program of its IL
// and says what running it shows: stdout, exit status and panic message.
// Each module below exports `interpreters`, a record from IL name to interpreter,
// built by extending the interpreter of the IL before.

import { interpreters as aarch64 } from "./aarch64.js";
import { interpreters as cfg } from "./cfg.js";
import type { Interpreter } from "./runtime-model.js";
import { interpreters as tree } from "./tree.js";
import { interpreters as x86_64 } from "./x86_64.js";

const all: Readonly<Record<string, Interpreter>> = { ...tree, ...cfg, ...x86_64, ...aarch64 };

export function interpreterFor(ilName: string): Interpreter | undefined {
  return all[ilName];
}

/** The ILs whose interpreter cannot run a program with tasks or channels yet (`runsTasks`). */
export const withoutTasks = (): string[] => Object.entries(all).filter(([, i]) => i.runsTasks !== true).map(([name]) => name);

export type { Interpreter };
