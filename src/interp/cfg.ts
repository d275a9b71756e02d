// The interpreter of Lcfg: basic blocks run from the first one, following each
// block's tail. Atoms, operators and primitives are evaluated by the tree
// interpreter's handlers (the forms are the same as in Lmon); what is new here
// is only control flow: goto, branch and return.

import type * as Cfg from "../../ir-defs/generated/Lcfg.js";
import { binary } from "../semantics.js";
import { RuntimeModel, type Interpreter, type RunOptions } from "./runtime-model.js";
import { assignHandlers, evaluate, newScope, truth, type Machine, type Value } from "./tree.js";

function runBlocks(program: Cfg.Program, machine: Machine): void {
  const blocks = new Map(program.blocks.map((b) => [b.label, b] as const));
  const scope = newScope(null); // one flat environment: Lcfg has no scopes
  const atom = (a: Cfg.Atom): Value => evaluate(a, scope, machine);
  const jump = (label: string): Cfg.BasicBlock => {
    const next = blocks.get(label);
    if (!next) throw new Error(`goto to an unknown label ${label}`);
    return next;
  };
  let block = program.blocks[0];
  if (!block) throw new Error("the program has no blocks");
  for (;;) {
    machine.model.tick();
    for (const stmt of block.stmts) {
      machine.model.tick();
      switch (stmt.kind) {
        case "Assign": scope.vars.set(stmt.name, { value: evaluate(stmt.value, scope, machine) }); break;
        case "Do": evaluate(stmt.expr, scope, machine); break;
        default: throw new Error(`unknown statement ${(stmt as { kind: string }).kind}`);
      }
    }
    const tail = block.tail;
    switch (tail.kind) {
      case "Goto": block = jump(tail.target); break;
      case "Branch": {
        const taken = truth(binary(tail.op, atom(tail.left) as bigint | boolean, atom(tail.right) as bigint | boolean));
        block = jump(taken ? tail.then : tail.else);
        break;
      }
      case "Return": atom(tail.value); return;
      default: throw new Error(`unknown tail ${(tail as { kind: string }).kind}`);
    }
  }
}

const runCfg: Interpreter = (program: unknown, options?: RunOptions) => {
  const model = new RuntimeModel(options);
  const machine: Machine = { model, handlers: assignHandlers, global: () => undefined };
  return model.run(() => runBlocks(program as Cfg.Program, machine));
};

export const interpreters: Record<string, Interpreter> = { Lcfg: runCfg };
