// The tree-walking interpreter of every IL from Lsrc down to Lmon.
//
// It is a table of handlers, one per node kind. Each IL's table is its
// predecessor's table plus only what that IL changes, so reading the tables top
// to bottom shows what each pass did to the language:
//
//     Lsrc      every form of the source, nested scopes for shadowing, calls,
//               unions, match and try (unions.ts)
//     Ltyped    + Prim (built-in calls resolved by type), Construct, generic
//               calls (run as they are: types change nothing at run time)
//     Luniq     Block and For need no scopes any more: one flat environment
//     Lmono     nothing new: generic calls became calls of their instances
//     Lsrc .. Lnoconst: methods, and a method call run by its receiver (methods.ts)
//     Lnomatch  + IsCtor and CtorField, the union operations of decision trees (unions.ts)
//     Lassign   Assign is only `x = e`
//     Lvalues, Lwhile: nothing new to interpret (the forms they keep are shared)
//     Lcaptures, Llifted, Lclosed: anonymous functions and closures (closures.ts);
//               Lshrunk: nothing new
//     Ldata     data in the heap model: new, array, loads and stores (data.ts),
//               an element access checking its index itself; closures there too (closures.ts)
//     Llayout   closures in the heap model too (a static closure, data.ts)
//     Lchecked  + CheckIndex; an element access only reads or writes memory
//     Lreturn   + ReturnCall (`return f(x)`), run in place like a return of a call
//     Lsrc .. Lreturn: scopes, tasks and channels, in each IL's forms (tasks.ts):
//               Ltasks and Lchannels have nothing else new
//
// Values: bigint for Int, boolean for Bool, `unit` for Unit, a JS string for a
// String, `{ fn: NAME }` for a function (closures.ts says what an anonymous
// function's value and a closure are); tuples, records, arrays and boxes as
// data.ts says (and from Llayout on, every one of those a heap address, a
// closure too). A call runs the function's body in a new environment holding
// its parameters (an anonymous function's, inside one holding what it
// captured). `return`, `break` and `continue` in
// statement position (reached from the body through blocks, ifs, loops and
// expression statements only: see quietNodes) end their handler with the
// value `abrupt`, the machine's `completion` saying which, and each handler
// on the way hands it up; anywhere else (inside an expression) they unwind to
// their call or loop as thrown signals. JavaScript's exceptions are slow: a
// loop written as tail recursion used to spend most of its time throwing. The interpreters' own stack is JavaScript's: a recursion
// 10,000 calls deep (runtime-model.ts, maxCallDepth), or deeper than JavaScript's stack allows,
// is reported as the panic `stack overflow` (see runtime-model.ts), after far
// fewer calls than a compiled program makes. All arithmetic goes through
// ir-defs/semantics.ts and all I/O through the RuntimeModel, so every interpreter
// agrees with every other and with the runtime.
//
// Two forms, one source. A task must be able to stop in the middle of an
// expression (`print(ch.recv())` in a function a spawned block calls), so
// every handler here, in values.ts, data.ts, unions.ts, closures.ts and
// cfg.ts, is a generator: `yield* evaluate(...)` marks each place where what
// runs below may stop, and a blocking routine of the scheduler
// (scheduler.ts) yields `suspend` up through every frame to the scheduler's
// loop, which resumes another task. Generators cost: every node's handler
// makes one, and each value comes up through a `yield*`: on the golden
// programs the generator form takes about twice the CPU time of the direct
// form (scripts/bench-interp.ts measures both). A
// program that spawns nothing never needs to stop (a blocking routine in it
// is a deadlock at once), so it runs in the direct form: the same files
// rewritten by scripts/direct-form.ts into interp/generated/, every
// generator `*` and `yield*` dropped, `Step<T>` (what a handler gives) made
// `T`, and forms.ts's `generatorForm` (how a run starts its tasks and drives
// a step) made `directForm`. So each handler is written once, the direct
// form is as fast as the interpreter was before it could stop, and a test
// (tests/il.test.ts, derived files) fails if the generated files are stale.
// interp/index.ts picks the form per program: the generator form when the
// program has a spawn in it. A plain `yield` is not allowed here: only the
// scheduler's routines stop a task.

import type * as Src from "../ir-defs/generated/Lsrc.js";
import type * as Modules from "../ir-defs/generated/Lmodules.js";
import { linkModules } from "../front-end/module-resolution.js";
import { diagnosticSink } from "../front-end/diagnostics.js";
import { hiddenBuiltin } from "../front-end/prelude.js";
import type * as Typed from "../ir-defs/generated/Ltyped.js";
import type * as Assigned from "../ir-defs/generated/Lassign.js";
import type { AnyNode } from "../il/node.js";
import { unary } from "../ir-defs/semantics.js";
import { methodsOf } from "./methods.js";
import { binaryOnValues, checkedElements, dataPrimitive, heapPrimitive, layoutData, sourceData } from "./data.js";
import { constructorCells, isConstructor, sourceUnions, treeUnions, typedUnions, unionValue } from "./unions.js";
import { applied, captureClosures, closedClosures, codeCall, heapClosures, isLambdaValue, liftedClosures, sourceClosures } from "./closures.js";
import { evaluate, evaluateAll, find, handlerTable, lookup, newScope, recipes, unit, type Cell, type Handlers, type Machine, type NodeLike, type Scope, type Step, type Value } from "./values.js";
import { generatorForm } from "./forms.js";
import { channelMethod, eachReceived, isChannelValue, openScope, taskForms, taskPrimitive, taskPrimitives } from "./tasks.js";
import { RuntimeModel, type Interpreter, type RunOptions } from "./runtime-model.js";

/** The function value a call by name calls (read before the arguments are evaluated), or
 * null for a built-in or (Lsrc) a constructor. */
function calleeOf(node: Src.Call, scope: Scope, m: Machine): Value | null {
  const callee = find(node.callee, scope, m);
  if (callee === undefined || isConstructor(callee.value)) return null;
  return callee.value;
}

/** A call of the program's own function (by name or through a variable), or of
 * a built-in or a constructor (Lsrc only: check-types turns those into
 * primitives and Constructs). */
function* callHandler(node: Src.Call, scope: Scope, m: Machine): Step<Value> {
  const callee = calleeOf(node, scope, m);
  const args = yield* evaluateAll(node.args, scope, m);
  if (callee !== null) return yield* m.apply(callee, args);
  return yield* builtinOrConstructor(node, args, scope, m);
}

/** A call (in Lsrc) that is none of the program's functions, its arguments evaluated: a constructor, or a built-in. */
function* builtinOrConstructor(node: Src.Call, args: readonly Value[], scope: Scope, m: Machine): Step<Value> {
  const name = hiddenBuiltin(node.callee) ?? node.callee; // (`prelude.yield`: front-end/prelude.ts)
  if (taskPrimitives.has(name)) return (yield* taskPrimitive(name, args, m, false))!; // yield()
  const ctor = find(node.callee, scope, m)?.value;
  if (ctor !== undefined && isConstructor(ctor)) return unionValue(ctor.makes, ctor.tag, args);
  return primitive(builtin(name, args), args, m.model);
}

/** The primitive a built-in call is: `print` is resolved by the type of its argument, known here only at run time. */
const builtin = (name: string, args: readonly Value[]): string =>
  name !== "print" ? name : typeof args[0] === "boolean" ? "print_bool" : typeof args[0] === "string" ? "print_string" : "print_int";

/** `return` unwinds to the call that runs the function. */
export class ReturnSignal {
  constructor(readonly value: Value) {}
}

/** What a handler gives when a `return`, `break` or `continue` in statement
 * position ended it: the machine's `completion` says which. Never a value. */
export const abrupt: Value = Object.freeze({ abrupt: true }) as unknown as Value;

type Completion = ReturnSignal | TailCallSignal | typeof breakSignal | typeof continueSignal;

/** The machine of a tree interpreter: its `completion` while a handler hands up `abrupt`. */
interface TreeMachine extends Machine {
  completion: Completion | null;
  /** The program's return, break and continue nodes in statement position. */
  readonly quiet: WeakSet<object>;
}

/** Ends a handler with `abrupt` when `signal` comes from a node in statement position, else throws it. */
function complete(node: object, m: Machine, signal: Completion): Value {
  const tm = m as TreeMachine;
  if (!tm.quiet?.has(node)) throw signal;
  tm.completion = signal;
  return abrupt;
}

const statementFields: Readonly<Record<string, { readonly quiet: readonly string[] }>> = {
  Block: { quiet: ["stmts"] },
  ExprStmt: { quiet: ["expr"] },
  If: { quiet: ["then", "else"] },
  While: { quiet: ["body"] },
  For: { quiet: ["body"] },
  ForEach: { quiet: ["body"] },
  ForChan: { quiet: ["body"] },
};

const quietCache = new WeakMap<object, WeakSet<object>>();
const abruptKinds = new Set(["Return", "ReturnCall", "Break", "Continue"]);

/**
 * The Return, ReturnCall, Break and Continue nodes of a program reached from a function's
 * body through statement positions only: the statements of a block, an
 * expression statement's expression, the branches of an if and the bodies of
 * loops, each itself in such a position. Their handlers need not throw: every
 * handler between them and the function's body (runStatements, Block, If,
 * ExprStmt, the loops) hands `abrupt` up.
 */
function quietNodes(program: object, items: readonly AnyNode[]): WeakSet<object> {
  const cached = quietCache.get(program);
  if (cached) return cached;
  const quiet = new WeakSet<object>();
  const visit = (value: unknown, inStatement: boolean): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, inStatement);
      return;
    }
    if (typeof value !== "object" || value === null || !("kind" in value)) return;
    const node = value as AnyNode;
    if (inStatement && abruptKinds.has(node.kind)) quiet.add(node);
    const fields = inStatement ? statementFields[node.kind]?.quiet : undefined;
    for (const [key, child] of Object.entries(node)) if (key !== "kind" && key !== "loc") visit(child, fields?.includes(key) ?? false);
  };
  for (const fn of [...items.filter(isFn), ...methodsOf(items).functions.values()]) visit(fn.body, true);
  quietCache.set(program, quiet);
  return quiet;
}

/** `return f(x)` unwinds too, and the call that ran the function runs f instead:
 * a loop written as tail recursion runs in constant (JavaScript) stack. */
export class TailCallSignal {
  constructor(
    readonly callee: Value,
    readonly args: readonly Value[],
  ) {}
}

export function truth(v: Value): boolean {
  if (typeof v !== "boolean") throw new Error(`expected a Bool, found ${String(v)}`);
  return v;
}

const arith = (v: Value): bigint | boolean | string => {
  if (typeof v !== "bigint" && typeof v !== "boolean" && typeof v !== "string") throw new Error("expected an Int, a Bool or a String");
  return v;
};

/** The built-in operations, by their Ltyped names (also used by the Lcfg interpreter). */
export function primitive(op: string, args: readonly Value[], model: RuntimeModel): Value {
  const [a] = args;
  switch (op) {
    case "print_int": model.printInt(a as bigint); return unit;
    case "print_bool": model.printBool(truth(a!)); return unit;
    case "read_int": return model.readInt();
    case "exit": return model.exit(a as bigint);
    case "assert": if (!truth(a!)) model.panic("assertion failed"); return unit;
    case "panic": return model.panic(a as string);
  }
  const value = dataPrimitive(op, args, model);
  if (value === undefined) throw new Error(`unknown primitive ${op}`);
  return value;
}

// Break and continue unwind to the nearest loop as thrown signals.
const breakSignal = { signal: "break" };
const continueSignal = { signal: "continue" };

/** Runs a loop body; says whether the loop goes on (false after `break`),
 * or hands up `abrupt` (a `return` in it). */
function* runBody(body: NodeLike, scope: Scope, machine: Machine): Step<boolean | typeof abrupt> {
  try {
    if ((yield* evaluate(body, scope, machine)) === abrupt) {
      const m = machine as TreeMachine;
      if (m.completion === breakSignal || m.completion === continueSignal) {
        const goOn = m.completion === continueSignal;
        m.completion = null;
        return goOn;
      }
      return abrupt;
    }
  } catch (e) {
    if (e === breakSignal) return false;
    if (e !== continueSignal) throw e;
  }
  return true;
}

/** A block's statements in `scope`; its value is the last statement's if that is an expression. */
function* runStatements(block: { readonly stmts: readonly NodeLike[] }, scope: Scope, machine: Machine): Step<Value> {
  let value: Value = unit;
  const stmts = block.stmts;
  for (let i = 0; i < stmts.length; i++) {
    const stmt = stmts[i]!;
    if (stmt.kind === "Using") return yield* runUsing(stmts.slice(i), scope, machine);
    machine.model.tick();
    const v = yield* evaluate(stmt, scope, machine);
    if (v === abrupt) return abrupt;
    value = stmt.kind === "ExprStmt" ? v : unit;
  }
  return value;
}

/** The statements of a block from a `using r = e` on: r is bound, the rest run, and then,
 * however they end (but by a panic or exit, which end the process), r.drop(), after the
 * value they give or return. A `return f(x)` runs f here, before the drop. */
function* runUsing(stmts: readonly NodeLike[], scope: Scope, m: Machine): Step<Value> {
  const [using, ...rest] = stmts as [NodeLike & { name: string; init: NodeLike; type?: string }, ...NodeLike[]];
  m.model.tick();
  const target = yield* evaluate(using.init, scope, m);
  scope.vars.set(using.name, { value: target });
  return yield* leaving(() => runStatements({ stmts: rest }, scope, m), () => m.call(m.dispatch!(using.type, "drop", target), [target]), m);
}

/** `scope { B }`: B runs in a new scope of the scheduler's, which ends, once every task
 * spawned in it has finished, however B ends (a `return`, `break` or `continue` leaves it too). */
function* scopeBlock(node: { readonly body: NodeLike }, scope: Scope, m: Machine): Step<Value> {
  const { inner, handle } = openScope(scope, m);
  return yield* leaving(() => evaluate(node.body, inner, m), () => m.tasks.scopeClose(handle), m);
}

/** What `run` gives, `after` run after it however it ends (but by a panic or exit, which end
 * the process): after its value, or after the value a `return` in it gives (a `return f(x)`
 * runs f first), before a `break` or `continue` goes on. */
function* leaving(run: () => Step<Value>, after: () => Step<unknown>, m: Machine): Step<Value> {
  let value: Value;
  try {
    value = yield* run();
  } catch (e) {
    if (!(e instanceof ReturnSignal || e instanceof TailCallSignal || e === breakSignal || e === continueSignal)) throw e;
    const signal = e instanceof TailCallSignal ? new ReturnSignal(yield* m.apply(e.callee, e.args)) : e;
    yield* after();
    throw signal;
  }
  const tm = m as TreeMachine;
  if (value === abrupt && tm.completion instanceof TailCallSignal) tm.completion = new ReturnSignal(yield* m.apply(tm.completion.callee, tm.completion.args));
  const completion = tm.completion; // (`after` may run other tasks, and code that sets it)
  yield* after();
  tm.completion = completion;
  return value;
}

/** `for v in a`: a evaluated once, the body run with v bound to each element in
 * the scope `bodyScope` gives (a new one per element in Lsrc, the same after uniquify). */
function* eachElement(node: Src.ForEach | Typed.ForEach, scope: Scope, m: Machine, bodyScope: (outer: Scope) => Scope): Step<Value> {
  const iter = yield* evaluate(node.iter, scope, m);
  if (isChannelValue(iter)) return yield* eachReceived(iter, node.name, node.body, scope, m, bodyScope, runBody, abrupt);
  const items = (iter as { array: Value[] }).array;
  for (let i = 0; i < items.length; i++) {
    m.model.tick();
    const inner = bodyScope(scope);
    inner.vars.set(node.name, { value: items[i]! });
    const goOn = yield* runBody(node.body, inner, m);
    if (goOn === abrupt) return abrupt;
    if (!goOn) break;
  }
  return unit;
}

export const srcHandlers: Handlers = {
  *Block(node: Src.Block, scope, m) {
    return yield* runStatements(node, newScope(scope), m);
  },
  *Let(node: Src.Let, scope, m) {
    scope.vars.set(node.name, { value: yield* evaluate(node.init, scope, m) });
    return unit;
  },
  *Assign(node: Src.Assign, scope, m) {
    const cell = lookup(node.name, scope, m);
    if (node.op === "=") cell.value = yield* evaluate(node.value, scope, m);
    else {
      const old = arith(cell.value); // `x op= e` reads x before evaluating e
      cell.value = binaryOnValues(node.op.slice(0, -1), old, arith(yield* evaluate(node.value, scope, m)));
    }
    return unit;
  },
  *While(node: Src.While, scope, m) {
    for (;;) {
      m.model.tick();
      if (!truth(yield* evaluate(node.cond, scope, m))) break;
      const goOn = yield* runBody(node.body, scope, m);
      if (goOn === abrupt) return abrupt;
      if (!goOn) break;
    }
    return unit;
  },
  *For(node: Src.For, scope, m) {
    const from = (yield* evaluate(node.from, scope, m)) as bigint;
    const to = (yield* evaluate(node.to, scope, m)) as bigint; // evaluated once
    for (let i = from; i < to; i++) {
      m.model.tick();
      const inner = newScope(scope);
      inner.vars.set(node.name, { value: i });
      const goOn = yield* runBody(node.body, inner, m);
      if (goOn === abrupt) return abrupt;
      if (!goOn) break;
    }
    return unit;
  },
  *ForEach(node: Src.ForEach, scope, m) {
    return yield* eachElement(node, scope, m, newScope);
  },
  ...sourceData,
  *Break(node: Src.Break, _scope, m) {
    return complete(node, m, breakSignal);
  },
  *Continue(node: Src.Continue, _scope, m) {
    return complete(node, m, continueSignal);
  },
  *ExprStmt(node: Src.ExprStmt, scope, m) {
    return yield* evaluate(node.expr, scope, m);
  },
  // (Int and Var, the same in every IL, are read by evaluate itself: values.ts.)
  *Bool(node: Src.Bool) {
    return node.value;
  },
  *Unit() {
    return unit;
  },
  *Str(node: Src.Str) {
    return node.value;
  },
  *Binary(node: Src.Binary, scope, m) {
    const value = yield* evaluate(node.left, scope, m);
    if (typeof value === "object" && ("record" in value || "ctor" in value)) return yield* protocolOperator(node, value, yield* evaluate(node.right, scope, m), m);
    const left = arith(value);
    if (node.op === "&&") return truth(left) ? truth(yield* evaluate(node.right, scope, m)) : false;
    if (node.op === "||") return truth(left) ? true : truth(yield* evaluate(node.right, scope, m));
    return binaryOnValues(node.op, left, arith(yield* evaluate(node.right, scope, m)));
  },
  *Unary(node: Src.Unary, scope, m) {
    return unary(node.op, arith(yield* evaluate(node.arg, scope, m)) as bigint | boolean);
  },
  *If(node: Src.If, scope, m) {
    if (truth(yield* evaluate(node.cond, scope, m))) {
      const v = yield* evaluate(node.then, scope, m);
      return node.else === null && v !== abrupt ? unit : v; // an if without else has type Unit
    }
    return node.else === null ? unit : yield* evaluate(node.else, scope, m);
  },
  Call: callHandler,
  *MethodCall(node: Src.MethodCall, scope, m) {
    const target = yield* evaluate(node.target, scope, m);
    const args = yield* evaluateAll(node.args, scope, m);
    if (typeof target === "object" && "box" in target && (node.method === "get" || node.method === "set")) return dataPrimitive(node.method, [target, ...args], m.model)!;
    if (isChannelValue(target)) return yield* channelMethod(node.method, target, args, m);
    return yield* m.call(m.dispatch!(undefined, node.method, target), [target, ...args]);
  },
  *Return(node: Src.Return, scope, m) {
    let value = node.value as NodeLike | null;
    // `return { s; f(x) }` (a call through a closure made explicit): s runs, then the call, in place.
    // (A block with a `using` runs whole: its drop comes after the call.)
    while (value?.kind === "Block" && (value as Src.Block).stmts.at(-1)?.kind === "ExprStmt" && !(value as Src.Block).stmts.some((s) => s.kind === "Using")) {
      const stmts = (value as Src.Block).stmts;
      scope = newScope(scope);
      if ((yield* runStatements({ stmts: stmts.slice(0, -1) }, scope, m)) === abrupt) return abrupt;
      value = (stmts.at(-1) as Src.ExprStmt).expr;
    }
    if (value?.kind === "Call") return yield* returnCall(node, value as Src.Call, scope, m);
    if (value?.kind === "Apply" || value?.kind === "CallCode") {
      const { callee, args } = value.kind === "Apply" ? yield* applied(value as Src.Apply, scope, m) : yield* codeCall(value as unknown as Parameters<typeof codeCall>[0], scope, m);
      return complete(node, m, new TailCallSignal(callee, args));
    }
    return complete(node, m, new ReturnSignal(value === null ? unit : yield* evaluate(value, scope, m)));
  },
  ...sourceUnions((value) => new ReturnSignal(value)),
  ...sourceClosures,
  ...taskForms,
  Scope: scopeBlock,
};

/** `return f(x)` (the node `ret`): f runs in place of the function returning (a built-in is just called). */
function* returnCall(ret: object, call: Src.Call, scope: Scope, m: Machine): Step<Value> {
  const callee = calleeOf(call, scope, m);
  const args = yield* evaluateAll(call.args, scope, m);
  if (callee !== null) return complete(ret, m, new TailCallSignal(callee, args));
  return complete(ret, m, new ReturnSignal(yield* builtinOrConstructor(call, args, scope, m)));
}

/** Lsrc's `a == b` and `a < b` on a record or union: the prelude's Eq and Ord, `a.eq(b)` and `a.cmp(b) < 0`. */
function* protocolOperator(node: Src.Binary, left: Value, right: Value, m: Machine): Step<Value> {
  if (node.op === "==" || node.op === "!=") return ((yield* m.call(m.dispatch!(undefined, "eq", left), [left, right])) === true) === (node.op === "==");
  return binaryOnValues(node.op, yield* m.call(m.dispatch!(undefined, "cmp", left), [left, right]), 0n);
}

function* typedMethodCall(node: Typed.MethodCall | Typed.GenericMethodCall, scope: Scope, m: Machine): Step<Value> {
  const target = yield* evaluate(node.target, scope, m);
  const args = yield* evaluateAll(node.args, scope, m);
  return yield* m.call(m.dispatch!(node.type, node.method, target), [target, ...args]);
}

export const typedHandlers: Handlers = {
  ...srcHandlers,
  ...typedUnions,
  // A method call states its receiver's type (interp/methods.ts).
  MethodCall: typedMethodCall,
  // (A generic function runs as it is, whatever its type arguments: so does a method with type parameters of its own.)
  GenericMethodCall: typedMethodCall,
  *Prim(node: Typed.Prim, scope, m) {
    const args = yield* evaluateAll(node.args, scope, m);
    if (taskPrimitives.has(node.op)) return (yield* taskPrimitive(node.op, args, m, false))!;
    return primitive(node.op, args, m.model);
  },
  *ForChan(node: Typed.ForChan, scope, m) {
    const ch = yield* evaluate(node.chan, scope, m);
    return yield* eachReceived(ch, node.name, node.body, scope, m, newScope, runBody, abrupt);
  },
};

// After uniquify no name is bound twice, so one environment per function is
// enough: blocks and for loops no longer open scopes.
export const uniqueHandlers: Handlers = {
  ...typedHandlers,
  ...treeUnions, // (from Lnomatch on)
  *Block(node: Typed.Block, scope, m) {
    return yield* runStatements(node, scope, m);
  },
  *For(node: Typed.For, scope, m) {
    const from = (yield* evaluate(node.from, scope, m)) as bigint;
    const to = (yield* evaluate(node.to, scope, m)) as bigint;
    for (let i = from; i < to; i++) {
      m.model.tick();
      scope.vars.set(node.name, { value: i });
      const goOn = yield* runBody(node.body, scope, m);
      if (goOn === abrupt) return abrupt;
      if (!goOn) break;
    }
    return unit;
  },
  *ForEach(node: Typed.ForEach, scope, m) {
    return yield* eachElement(node, scope, m, (s) => s);
  },
  *ForChan(node: Typed.ForChan, scope, m) {
    const ch = yield* evaluate(node.chan, scope, m);
    return yield* eachReceived(ch, node.name, node.body, scope, m, (s) => s, runBody, abrupt);
  },
};

export const assignHandlers: Handlers = {
  ...uniqueHandlers,
  *Assign(node: Assigned.Assign, scope, m) {
    lookup(node.name, scope, m).value = yield* evaluate(node.value, scope, m);
    return unit;
  },
};
interface FnItem {
  readonly params: readonly { readonly name: string }[];
  readonly body: NodeLike;
}

/** A program's items, the prelude's module (Lsrc) opened up. */
const itemsOf = (program: { readonly items: readonly AnyNode[] }): AnyNode[] =>
  program.items.flatMap((item) => (item.kind === "Module" ? (item.items as AnyNode[]) : [item]));

const isFn = (item: AnyNode) => item.kind === "Fn" || item.kind === "GenericFn" || item.kind === "LiftedFn";

/** A function item as a call runs it: a lifted one (Llifted) takes what its closure captured first. */
const fnItem = (item: AnyNode): FnItem => {
  const { params, captures, body } = item as unknown as FnItem & { captures?: FnItem["params"] };
  return { params: captures ? [...captures, ...params] : params, body };
};

/** Const items by name, each evaluated once when first read (so their order
 * does not matter), fn items as function values, and constructors (unions.ts). */
function globals(items: readonly AnyNode[], machine: () => Machine): (name: string) => Cell | undefined {
  const consts = new Map<string, AnyNode>();
  for (const item of items) if (item.kind === "Const") consts.set(item.name as string, item.value as AnyNode);
  const cells = new Map<string, Cell>();
  for (const item of items) {
    if (isFn(item)) cells.set(item.name as string, { value: Object.freeze({ fn: item.name as string }) });
    if (item.kind === "Union" || item.kind === "GenericUnion") for (const [name, cell] of constructorCells(item)) cells.set(name, cell);
  }
  const evaluating = new Set<string>();
  return (name) => {
    const cached = cells.get(name);
    if (cached) return cached;
    const value = consts.get(name);
    if (value === undefined) return undefined;
    if (evaluating.has(name)) throw new Error(`const ${name} depends on itself`);
    evaluating.add(name);
    const cell = { value: generatorForm.drive(evaluate(value, newScope(null), machine())) };
    cells.set(name, cell);
    return cell;
  };
}

/** The body a function value runs and the scope it runs in, its parameters bound to `args`:
 * a fn item's in a scope of its own (a closure's captured values given first), an anonymous
 * function's in a scope inside the one of what it captured. */
function entered(callee: Value, args: readonly Value[], functions: ReadonlyMap<string, FnItem>): { body: NodeLike; scope: Scope } {
  if (isLambdaValue(callee)) {
    const scope = newScope(callee.scope);
    callee.lambda.params.forEach((p, i) => scope.vars.set(p.name, { value: args[i]! }));
    return { body: callee.lambda.body, scope };
  }
  if (typeof callee !== "object" || callee === null || !("fn" in callee)) throw new Error(`call of a value that is not a function`);
  const fn = functions.get(callee.fn);
  if (!fn) throw new Error(`no function ${callee.fn}`);
  const values = callee.captured ? [...callee.captured, ...args] : args;
  const scope = newScope(null);
  for (let i = 0; i < fn.params.length; i++) scope.vars.set(fn.params[i]!.name, { value: values[i]! });
  return { body: fn.body, scope };
}

/** Runs a function value's body with its parameters bound; its value, or what `return` gives
 * (after `return g(x)`, what g gives, run here rather than nested). */
function* runFunction(first: Value, firstArgs: readonly Value[], machine: TreeMachine, functions: ReadonlyMap<string, FnItem>): Step<Value> {
  let [callee, args] = [first, firstArgs];
  machine.model.enter(); // (one call deeper: past maxCallDepth the run gives up, runtime-model.ts)
  try {
    for (;;) {
      machine.model.tick();
      const { body, scope } = entered(callee, args, functions);
      let signal: unknown;
      try {
        const value = yield* evaluate(body, scope, machine);
        if (value !== abrupt) return value;
        signal = machine.completion;
        machine.completion = null;
      } catch (e) {
        signal = e;
      }
      if (signal instanceof ReturnSignal) return signal.value;
      if (!(signal instanceof TailCallSignal)) {
        if (signal === breakSignal || signal === continueSignal) throw new Error(`${signal === breakSignal ? "break" : "continue"} outside a loop`);
        throw signal;
      }
      [callee, args] = [signal.callee, signal.args];
    }
  } finally {
    machine.model.leave();
  }
}

/** The interpreter that runs a program's `main` with the given handler table. */
export function treeInterpreter(table: Handlers): Interpreter {
  const handlers = handlerTable(table);
  const interpret = (program: unknown, options?: RunOptions) => {
    const items = itemsOf(program as { readonly items: readonly AnyNode[] });
    const functions = new Map<string, FnItem>();
    for (const item of items) if (isFn(item)) functions.set(item.name as string, fnItem(item));
    const methods = methodsOf(items);
    for (const [key, fn] of methods.functions) functions.set(key, fn);
    const model = new RuntimeModel(options);
    const apply = (callee: Value, args: readonly Value[]): Step<Value> => runFunction(callee, args, machine, functions);
    const call = (name: string, args: readonly Value[]): Step<Value> => {
      if (!functions.has(name)) throw new Error(`no function ${name}`);
      return apply(Object.freeze({ fn: name }), args);
    };
    const tasks = generatorForm.tasks(model, (code: unknown) => (code as () => Step<Value>)());
    const machine: TreeMachine = { model, handlers, tasks, global: globals(items, () => machine), call, apply, dispatch: methods.dispatch, completion: null, quiet: quietNodes(program as object, items) };
    return model.run(() => {
      for (const item of items) if (item.kind === "Const") machine.global(item.name as string);
      if (!functions.has("main")) throw new Error("the program has no fn main()");
      generatorForm.main(tasks, call("main", []));
    });
  };
  recipes.set(interpret, { engine: "tree", handlers });
  return interpret;
}

/** From Llayout on, data lives in the heap model: strings too, so the primitives on them read it. */
export const layoutHandlers: Handlers = {
  ...assignHandlers,
  ...layoutData,
  *Prim(node: Typed.Prim, scope, m) {
    const args = yield* evaluateAll(node.args, scope, m);
    if (taskPrimitives.has(node.op)) return (yield* taskPrimitive(node.op, args, m, true))!;
    return heapPrimitive(node.op, args, m.model) ?? primitive(node.op, args, m.model);
  },
};

/** Lreturn: `return f(x)` says that what f returns is returned; as a `return` of a call, f runs in place. */
const returnHandlers: Handlers = {
  ...layoutHandlers,
  *ReturnCall(node: Src.Call, scope, m) {
    return yield* returnCall(node, node, scope, m);
  },
};

// ILs run by the same table share one interpreter: the explorer's marks run it
// once for a program that a pass left as it was (see explorer-tui/marks.ts).
const unique = treeInterpreter(uniqueHandlers);
const assigned = treeInterpreter(assignHandlers);
const closed = treeInterpreter({ ...assignHandlers, ...closedClosures });
const laidOut = treeInterpreter(layoutHandlers);

const source = treeInterpreter(srcHandlers);

/** Lmodules means what its modules made one program mean: the program of resolve-modules'
 * linking (front-end/module-resolution.ts), run as Lsrc. An Lmodules program is only run once
 * the front end has accepted it, so linking reports nothing. */
const modular = (program: unknown, options?: RunOptions) => source(linked(program), options);
recipes.set(modular, { ...recipes.get(source)!, reads: (program) => linkable(program) ?? program });

/** The linked program, or null when the modules do not link (its run says so, when it runs). */
function linkable(program: unknown): unknown {
  try {
    return linked(program);
  } catch {
    return null;
  }
}

const linkedPrograms = new WeakMap<object, unknown>();
/** An Lmodules program's modules linked into one Lsrc program (once per program). */
function linked(program: unknown): unknown {
  let made = linkedPrograms.get(program as object);
  if (made !== undefined) return made;
  const sink = diagnosticSink("");
  made = linkModules(program as Modules.Program, { main: null, unreadable: () => undefined }, sink);
  if (sink.diagnostics.length > 0) throw new Error(`the program's modules do not link: ${sink.diagnostics[0]!.message}`);
  linkedPrograms.set(program as object, made);
  return made;
}

export const interpreters: Record<string, Interpreter> = {
  Lmodules: modular,
  Lsrc: source,
  Ltyped: treeInterpreter(typedHandlers),
  Luniq: unique,
  Lmono: unique,
  Lnoconst: unique,
  Lresolved: unique,
  Lnotry: unique,
  Lnomatch: unique,
  Lnousing: unique,
  Lassign: assigned,
  Lvalues: assigned,
  Lwhile: assigned,
  Ltasks: assigned,
  Lcaptures: treeInterpreter({ ...assignHandlers, ...captureClosures }),
  Llifted: treeInterpreter({ ...assignHandlers, ...liftedClosures }),
  Lclosed: closed,
  Lshrunk: closed,
  Lchannels: closed,
  Ldata: treeInterpreter({ ...layoutHandlers, ...heapClosures, ...checkedElements }),
  Llayout: treeInterpreter({ ...layoutHandlers, ...checkedElements }),
  Lchecked: laidOut,
  Lmon: laidOut,
  Lreturn: treeInterpreter(returnHandlers),
};
