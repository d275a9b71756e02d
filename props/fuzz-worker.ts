// The fuzzer's judge in a worker thread (props/fuzz.ts), so that `qnano fuzz`
// can stop a step (a pass, an interpreter) that takes longer than its time
// budget: a hang. It says which step it starts; then, its judgement.
import { parentPort } from "node:worker_threads";
import { judge, type FuzzInput, type JudgeOptions } from "./fuzz-judge.js";

const post = (m: unknown) => parentPort!.postMessage(m);
parentPort!.on("message", (m: { input: FuzzInput; options: JudgeOptions }) => post({ judgement: judge(m.input, m.options, (step) => post({ step })) }));
parentPort!.postMessage("ready");
