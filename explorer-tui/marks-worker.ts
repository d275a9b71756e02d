// A worker that runs the interpreters of a trace's steps, one step at a time
// as the pool (marks-pool.ts) hands them over, and posts each run as it ends:
// { index, run }. Each step comes as { index, il, program }: its program,
// already made and checked, and the name of the IL it belongs to.

import { parentPort, workerData } from "node:worker_threads";
import { findIL } from "../ir-defs/index.js";
import { runProgram } from "./marks.js";
import { giveWay } from "./give-way.js";

export interface MarksRequest {
  readonly stdin: string;
}

/** One step to run, as the pool sends it. */
export interface MarksJob {
  readonly index: number;
  readonly il: string;
  readonly program: unknown;
}

giveWay();
const { stdin } = workerData as MarksRequest;
parentPort!.on("message", ({ index, il, program }: MarksJob) => {
  const found = findIL(il);
  if (!found) throw new Error(`no IL ${il}`);
  parentPort!.postMessage({ index, run: runProgram(found, program, stdin) });
});
