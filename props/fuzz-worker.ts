// The fuzzer's judge in a worker thread (props/fuzz.ts), so that `qnano fuzz`
// can stop an input that takes longer than its time budget: a hang.
import { parentPort } from "node:worker_threads";
import { judge, type FuzzInput, type JudgeOptions } from "./fuzz-judge.js";

parentPort!.on("message", (m: { input: FuzzInput; options: JudgeOptions }) => parentPort!.postMessage(judge(m.input, m.options)));
parentPort!.postMessage("ready");
