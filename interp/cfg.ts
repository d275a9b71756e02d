// The interpreter of Lcfg: each function's basic blocks run from its first
// one, following each block's tail. Atoms, operators, primitives and calls are
// evaluated by the tree interpreter's handlers (the forms are the same as in
// Lmon); what is new here is only control flow: goto, branch and return, and
// a function made of blocks. A call runs the callee's blocks in a fresh
// environment holding its parameters; `return` gives the call its value; a
// tail call, and `return f(x)` (Lcfg's way of saying the same before
// mark-tail-calls), runs the callee's blocks in place of the caller's, so a loop
// written as tail recursion runs in constant (JavaScript) stack.
// Lfun adds only function references (&f) and calls that name their callee
// by an atom; Lfunlive, live sets, checked by forgetting at each block's start
// the reference variables not in its set; Lborrowed, a def's borrowed variables and a call's lent
// arguments (counted from Lrc on); Lrc, inc and dec (the heap model counts references from there
// on); Lreleased, release of an object's last reference (its count checked to
// be 1); Lalloc, the allocator's alloc and alloc_array.

import type * as Cfg from "../ir-defs/generated/Lcfg.js";
import type * as Tail from "../ir-defs/generated/Ltail.js";
import type * as Fun from "../ir-defs/generated/Lfun.js";
import type * as Rc from "../ir-defs/generated/Lrc.js";
import type * as Released from "../ir-defs/generated/Lreleased.js";
import type * as Alloc from "../ir-defs/generated/Lalloc.js";
import { binary } from "../ir-defs/semantics.js";
import { isImmediate } from "../ir-defs/heap-layout.js";
import { RuntimeModel, type Counting, type Interpreter, type RunOptions } from "./runtime-model.js";
import { layoutHandlers, truth } from "./tree.js";
import { evaluate, evaluateAll, handlerTable, newScope, recipes, type FunctionValue, type Handlers, type Machine, type Scope, type Step, type Value } from "./values.js";
import { generatorForm } from "./forms.js";

/** Each function's blocks by label, made once per function (a loop of tail calls asks again and again). */
const blocksByLabel = new WeakMap<Cfg.Def, ReadonlyMap<string, Cfg.BasicBlock>>();
function blocksOf(def: Cfg.Def): ReadonlyMap<string, Cfg.BasicBlock> {
  let blocks = blocksByLabel.get(def);
  if (!blocks) blocksByLabel.set(def, (blocks = new Map(def.blocks.map((b) => [b.label, b] as const))));
  return blocks;
}

/** A fresh environment holding a function's parameters. */
function frame(def: Cfg.Def, args: readonly Value[]): Scope {
  const scope = newScope(null); // one flat environment: Lcfg has no scopes
  for (let i = 0; i < def.params.length; i++) scope.vars.set(def.params[i]!, { value: args[i]! });
  return scope;
}

/** The block a goto or branch goes to. */
function jump(blocks: ReadonlyMap<string, Cfg.BasicBlock>, label: string): Cfg.BasicBlock {
  const next = blocks.get(label);
  if (!next) throw new Error(`goto to an unknown label ${label}`);
  return next;
}

/** Runs a function's blocks; a tail call runs the callee's in their place (no JavaScript call). */
function* runBlocks(first: Cfg.Def, firstArgs: readonly Value[], machine: Machine, defs: ReadonlyMap<string, Cfg.Def>): Step<Value> {
  machine.model.enter(); // (one call deeper: past maxCallDepth the run gives up, runtime-model.ts)
  try {
    let def = first;
    let blocks = blocksOf(def);
    let scope = frame(def, firstArgs);
    let block = def.blocks[0];
    if (!block) throw new Error(`${def.name} has no blocks`);
    for (;;) {
      machine.model.tick();
      // Lfunlive: a reference variable not live at the block's start is forgotten (a wrong live set fails here).
      const live = (block as { live?: readonly string[] }).live;
      if (live) for (const v of def.refs) if (!live.includes(v)) scope.vars.delete(v);
      const stmts = block.stmts as readonly (Rc.CStmt | Released.Release)[];
      for (let i = 0; i < stmts.length; i++) {
        const stmt = stmts[i]!;
        machine.model.tick();
        switch (stmt.kind) {
          case "Assign": {
            const value = yield* evaluate(stmt.value, scope, machine);
            const cell = scope.vars.get(stmt.name); // (no closure holds a frame's cells here: its cell can change in place)
            if (cell) cell.value = value;
            else scope.vars.set(stmt.name, { value });
            break;
          }
          case "Do": yield* evaluate(stmt.expr, scope, machine); break;
          case "Store": case "CheckIndex": yield* evaluate(stmt, scope, machine); break;
          case "Inc": case "Dec": {
            // From Lguarded on (no `unions` list), an inc or dec is only ever of a reference, as on the machine.
            const value = scope.vars.get(stmt.name)!.value;
            if (isImmediate(value) && !("unions" in def)) throw new Error(`${stmt.kind.toLowerCase()} ${stmt.name} of an immediate: guard-immediate-counts left it unguarded`);
            if (stmt.kind === "Inc") machine.model.heap.retain(value);
            else machine.model.heap.release(value);
            break;
          }
          case "Release": {
            // Lreleased: only the last reference is released; a shared object never is.
            const value = scope.vars.get(stmt.name)!.value;
            const count = machine.model.heap.load(value);
            if (count !== 1n) throw new Error(`release ${stmt.name} of an object whose count is ${String(count)}, not 1: expand-decrements released a shared object`);
            machine.model.heap.release(value);
            break;
          }
          default: throw new Error(`unknown statement ${(stmt as { kind: string }).kind}`);
        }
      }
      const tail = block.tail as Cfg.Tail | Tail.TailCall;
      switch (tail.kind) {
        case "Goto": block = jump(blocks, tail.target); break;
        case "Branch": {
          const left = (yield* evaluate(tail.left, scope, machine)) as bigint | boolean;
          const taken = truth(binary(tail.op, left, (yield* evaluate(tail.right, scope, machine)) as bigint | boolean));
          block = jump(blocks, taken ? tail.then : tail.else);
          break;
        }
        case "Return": return yield* evaluate(tail.value, scope, machine);
        case "ReturnCall":
        case "TailCall": {
          const args = yield* evaluateAll(tail.args, scope, machine);
          // Lcfg names the callee (a variable or a fn item), Lfun gives it as an atom.
          const callee = (typeof tail.callee === "string" ? (scope.vars.get(tail.callee) ?? machine.global(tail.callee))?.value : yield* evaluate(tail.callee as Fun.Atom, scope, machine)) as FunctionValue | undefined;
          const next = callee && typeof callee === "object" && "fn" in callee ? defs.get(callee.fn) : undefined;
          if (!next) throw new Error("tail call of a value that is not a function");
          [def, blocks, scope] = [next, blocksOf(next), frame(next, args)];
          block = def.blocks[0]!;
          break;
        }
        default: throw new Error(`unknown tail ${(tail as { kind: string }).kind}`);
      }
    }
  } finally {
    machine.model.leave();
  }
}

const cfgInterpreter = (table: Handlers, counting: Counting = "uncounted"): Interpreter => {
  const handlers = handlerTable(table);
  const interpret = (program: unknown, options?: RunOptions) => {
    const defs = new Map((program as Cfg.Program).defs.map((d) => [d.name, d] as const));
    const model = new RuntimeModel(options, counting);
    const functionValues = new Map([...defs.keys()].map((name) => [name, { value: Object.freeze({ fn: name }) }] as const));
    const call = (name: string, args: readonly Value[]): Step<Value> => {
      const def = defs.get(name);
      if (!def) throw new Error(`no function ${name}`);
      return runBlocks(def, args, machine, defs);
    };
    const apply = (callee: Value, args: readonly Value[]): Step<Value> => call((callee as FunctionValue).fn, args);
    const tasks = generatorForm.tasks(model, (code: unknown) => (code as () => Step<Value>)());
    const machine: Machine = { model, handlers, tasks, global: (name) => functionValues.get(name), call, apply };
    return model.run(() => {
      generatorForm.main(tasks, call("main", []));
    });
  };
  recipes.set(interpret, { engine: `cfg, ${counting}`, handlers });
  return interpret;
};

const funHandlers: Handlers = {
  ...layoutHandlers,
  *FunRef(node: Fun.FunRef, _scope, m) {
    return m.global(node.name)?.value ?? Object.freeze({ fn: node.name }); // (a function's value made once per run)
  },
  *Call(node: Fun.Call, scope, m) {
    const callee = (yield* evaluate(node.callee, scope, m)) as FunctionValue;
    if (typeof callee !== "object" || !("fn" in callee)) throw new Error("call of a value that is not a function");
    return yield* m.call(callee.fn, yield* evaluateAll(node.args, scope, m));
  },
};

// Lalloc: objects made by the runtime's allocator, their fields stored one by one.
const allocHandlers: Handlers = {
  ...funHandlers,
  *Alloc(node: Alloc.Alloc, _scope, m) {
    return m.model.heap.alloc(node.bytes, node.info);
  },
  *AllocArray(node: Alloc.AllocArray, scope, m) {
    const length = (yield* evaluate(node.length, scope, m)) as bigint;
    return m.model.heap.allocArray(length, yield* evaluate(node.init, scope, m), node.info);
  },
};

// ILs run alike share one interpreter (tree.ts says why).
const blocks = cfgInterpreter(layoutHandlers);
const functions = cfgInterpreter(funHandlers);
const counted = cfgInterpreter(funHandlers, "counted");

export const interpreters: Record<string, Interpreter> = {
  Lcfg: blocks,
  Ltail: blocks,
  Lfun: functions,
  Lfunlive: functions,
  Lborrowed: functions, // what a call lends changes no count before Lrc
  // From Lrc on, inc and dec count references, and what is still live when main returns is reported.
  Lrc: counted,
  Lguarded: counted,
  Lreleased: counted,
  Lalloc: cfgInterpreter(allocHandlers, "counted"),
};
