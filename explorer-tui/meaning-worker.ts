// A worker thread that runs every IL's interpreter on the program, so that the
// explorer opens at once and its semantics marks fill in as each run ends.
// It runs the driver's checking loop on the source again (the passes take a
// few ms) rather than receive the programs, and posts { index, verdict } per
// step as each is known, and { error } if a run fails.

import { parentPort, workerData } from "node:worker_threads";
import type { Target } from "../ir-defs/targets.js";
import { checkPasses } from "../driver/driver.js";
import { pipeline } from "../passes/pipeline.js";
import { meaningOptions, reportVerdicts } from "./trace.js";

export interface MeaningRequest {
  readonly file: string;
  readonly source: string;
  readonly target: Target;
  readonly stdin: string;
}

const { file, source, target, stdin } = workerData as MeaningRequest;
try {
  const steps = checkPasses({ source, file }, pipeline(target), meaningOptions(stdin));
  reportVerdicts(steps, (index, verdict) => parentPort!.postMessage({ index, verdict }));
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
