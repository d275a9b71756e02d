// The constructs of the generator's `unions` switch that only the finished
// program shows (props/realize.ts calls this last): which kinds of unions and
// records it declares, where its matches stand, `try` through calls, and the
// generic items it uses at more than one list of type arguments.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType, type TypeTree } from "../ir-defs/type-syntax.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { forEachNode } from "../il/rewrite.js";
import { state } from "./union-values.js";
import type { Walk } from "./walk.js";

const isMatch = (e: unknown): boolean => typeof e === "object" && e !== null && (e as { kind?: string }).kind === "Match";

/** The positions of a match, by the node it is a child of. */
function matchPositions(node: Lsrc.Expr | Lsrc.Stmt | Lsrc.Arm, add: (construct: string) => void): void {
  switch (node.kind) {
    case "Let": if (isMatch(node.init)) add("match as a let's value"); break;
    case "Call": if (node.args.some(isMatch)) add("match as an argument"); break;
    case "Binary": if (isMatch(node.left) || isMatch(node.right)) add("match as an operand"); break;
    case "Unary": if (isMatch(node.arg)) add("match as an operand"); break;
    case "Return": if (isMatch(node.value)) add("match as a function's result"); break;
    case "Arm": if (node.guard !== null && forEachMatch(node.guard)) add("match in a guard"); break;
  }
}

/** Whether an expression has a match in it. */
function forEachMatch(e: Lsrc.Expr): boolean {
  let found = false;
  forEachNode(LsrcIL, e, (n) => {
    found ||= n.kind === "Match";
  });
  return found;
}

/** The generic items' instances that a type written in the program names: name -> argument lists. */
function instancesIn(type: string | null, generic: ReadonlySet<string>, out: Map<string, Set<string>>): void {
  const visit = (t: TypeTree): void => {
    if (t.kind === "name" && t.args !== undefined) {
      const args = t.args.map((a) => JSON.stringify(a)).join(", ");
      // An instance at the type parameters of a generic item is no list of type arguments.
      if (generic.has(t.name) && !/"name":"[TUAB]"/.test(args)) out.set(t.name, (out.get(t.name) ?? new Set()).add(args));
      t.args.forEach(visit);
    } else if (t.kind === "tuple") t.elems.forEach(visit);
    else if (t.kind === "Array" || t.kind === "Box") visit(t.elem);
    else if (t.kind === "fn") [...t.params, t.ret].forEach(visit);
  };
  const tree = type === null ? null : parseType(type);
  if (tree) visit(tree);
}

/** Notes the constructs the whole program shows. */
export function noteUnionItems(w: Walk, program: Lsrc.Program): void {
  const u = w.types.unions!;
  for (const d of u.declared) {
    if (d.name === "Option" || d.name === "Result" || !program.items.some((i) => i.name === d.name)) continue;
    w.used.add(d.tparams.length > 0 ? "generic union" : "union");
    if (d.ctors.some((c) => c.recursive)) w.used.add(d.tparams.length > 0 ? "recursive generic union" : "recursive union");
  }
  if (u.companions.size > 0) w.used.add("union and record holding each other");
  if (program.items.some((i) => i.kind === "GenericRecord")) w.used.add("generic record");
  const generic = new Map<string, string>();
  for (const i of program.items) if (i.kind === "GenericUnion" || i.kind === "GenericRecord") generic.set(i.name, i.kind === "GenericUnion" ? "union" : "record");
  const instances = new Map<string, Set<string>>();
  const typeOf = (t: string | null) => instancesIn(t, new Set(generic.keys()), instances);
  const tries = new Map<string, string[]>();
  for (const item of program.items) {
    if (item.kind === "Record" || item.kind === "GenericRecord") item.fields.forEach((f) => typeOf(f.type));
    if (item.kind === "Union" || item.kind === "GenericUnion") item.ctors.forEach((c) => c.fields.forEach((f) => typeOf(f.type)));
    if (item.kind !== "Fn" && item.kind !== "GenericFn") continue;
    item.params.forEach((p) => typeOf(p.type));
    typeOf(item.ret);
    const last = item.body.stmts[item.body.stmts.length - 1];
    if (item.ret !== null && last?.kind === "ExprStmt" && isMatch(last.expr)) w.used.add("match as a function's result");
    const callees: string[] = [];
    forEachNode(LsrcIL, item.body, (node) => {
      const n = node as unknown as Lsrc.Expr | Lsrc.Stmt | Lsrc.Arm;
      matchPositions(n, (c) => w.used.add(c));
      if (n.kind === "Let") typeOf(n.type);
      if (n.kind === "Try") callees.push(n.value.kind === "Call" ? n.value.callee : "");
    });
    if (callees.length > 0) tries.set(item.name, callees);
  }
  for (const callees of tries.values()) if (callees.some((c) => tries.has(c))) w.used.add("try through two calls");
  for (const [name, lists] of instances) if (lists.size > 1) w.used.add(`generic ${generic.get(name)} at two lists of type arguments`);
  for (const lists of state(w).calledAt.values()) if (lists.size > 1) w.used.add("generic fn at two lists of type arguments");
}
