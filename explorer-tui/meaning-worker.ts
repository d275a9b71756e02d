// A worker thread that runs every IL's interpreter on the program, so that the
// explorer opens at once and its semantics marks fill in as each run ends.
// It compiles the source again (a few ms) rather than receive the programs,
// then posts { index, verdict } per step, and { error } if a run fails.

import { parentPort, workerData } from "node:worker_threads";
import type { Target } from "../ir-defs/targets.js";
import { compile } from "../driver/driver.js";
import { eachVerdict } from "./trace.js";

export interface MeaningRequest {
  readonly file: string;
  readonly source: string;
  readonly target: Target;
  readonly stdin: string;
}

const { file, source, target, stdin } = workerData as MeaningRequest;
try {
  const steps = compile(source, file, { target });
  eachVerdict(steps, stdin, (index, verdict) => parentPort!.postMessage({ index, verdict }));
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
