// A worker that runs the interpreters of some of a trace's steps (the trace
// worker shares them out among a few of these, one per processor) and posts
// each run as it ends: { index, run }. It is given the programs, already
// made and checked, by the IL each belongs to.

import { parentPort, workerData } from "node:worker_threads";
import { findIL } from "../ir-defs/index.js";
import { runProgram } from "./marks.js";

export interface MarksRequest {
  readonly stdin: string;
  readonly steps: readonly { readonly index: number; readonly il: string; readonly program: unknown }[];
}

const { stdin, steps } = workerData as MarksRequest;
for (const { index, il, program } of steps) {
  const found = findIL(il);
  if (!found) throw new Error(`no IL ${il}`);
  parentPort!.postMessage({ index, run: runProgram(found, program, stdin) });
}
