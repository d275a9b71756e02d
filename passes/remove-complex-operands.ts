// remove-complex-operands: Lchecked -> Lmon
//
// Makes every operand of an operator, primitive or call an atom (a literal or a
// variable) by computing each complex operand first into a new temporary,
// bound by a `let` placed just before the statement that needs it. A while
// condition that needs such lets becomes a block, so they run every iteration.
// Left-to-right order is kept: when a later operand runs statements that assign
// a variable read by an earlier operand, the earlier read is copied first.
//
// Before:                              After:
//   print_int(((a.1 * 2) + -b.2))        let tmp.4: Int = (a.1 * 2)
//                                        let tmp.5: Int = -b.2
//                                        let tmp.6: Int = (tmp.4 + tmp.5)
//                                        print_int(tmp.6)
//   let y.3: Int = (a.1 + {              let tmp.7: Int = a.1
//     a.1 = 5                            let tmp.8: Int = {
//     1                                    a.1 = 5
//   })                                     1
//                                        }
//                                        let y.3: Int = (tmp.7 + tmp.8)

import type * as In from "../ir-defs/generated/Lchecked.js";
import type * as Out from "../ir-defs/generated/Lmon.js";
import { Lmon } from "../ir-defs/lmon.js";
import { Lchecked } from "../ir-defs/lchecked.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { assigns, freshNamer } from "./shared/fresh-names.js";
import { layoutType } from "../ir-defs/ldata.js";
import { unreachable } from "../il/node.js";

/** An expression of Lmon, and the statements that must run just before it. */
interface Flat<E> {
  readonly stmts: readonly Out.Stmt[];
  readonly expr: E;
}

/** The operands of each form that takes them, in the order they are evaluated: one
 * expression, a list, or an index that may be null. */
const operandFields = {
  Binary: ["left", "right"], Unary: ["arg"], Prim: ["args"], Call: ["args"], New: ["fields"], NewArray: ["length", "init"],
  Load: ["base", "index"], Receive: ["chan"], Store: ["base", "index", "value"], CheckIndex: ["index", "length"],
} as const;

const isAtom = (e: In.Expr): e is In.Int | In.Bool | In.Unit | In.Str | In.Var | In.StaticClosure =>
  e.kind === "Int" || e.kind === "Bool" || e.kind === "Unit" || e.kind === "Str" || e.kind === "Var" || e.kind === "StaticClosure";

/** The type of a new variable holding `e` (Lchecked): a primitive's value (a String, an Array) is a
 * Ref; a type `fn(...) -> R` can only be a function's code here, which stays. */
const wordType = (type: string): string => (type.startsWith("fn(") ? type : layoutType(type));

export const removeComplexOperands = pass({
  name: "remove-complex-operands",
  from: Lchecked,
  to: Lmon,
  purpose: "make every operand of an operator or primitive an atom, naming intermediate results",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lchecked, program);
    const types = typeContext(Lchecked, program);
    const bind = (name: string, type: Out.Let["type"], init: Out.Expr, loc: In.Expr["loc"]): Out.Let => ({ kind: "Let", decl: "let", name, type, init, loc });

    /** `e` as an atom, after statements that compute it into a temporary if it is complex. */
    const atomize = (e: In.Expr): Flat<Out.Atom> => {
      if (isAtom(e)) return { stmts: [], expr: e };
      const { stmts, expr } = flatten(e);
      const name = fresh("tmp");
      return { stmts: [...stmts, bind(name, wordType(declaredType(e, types)), expr, e.loc)], expr: { kind: "Var", name, loc: e.loc } };
    };

    /** Operands evaluated left to right, each kept safe from the statements of the ones after it. */
    const operands = (list: readonly In.Expr[]): Flat<Out.Atom[]> => {
      const stmts: Out.Stmt[] = [];
      const atoms = list.map((e, i): Out.Atom => {
        if (e.kind === "Var" && assigns(Lchecked, list.slice(i + 1), e.name)) {
          const copy = fresh("tmp"); // read now: a later operand assigns it
          stmts.push(bind(copy, types.variable(e.name)!, e, e.loc));
          return { kind: "Var", name: copy, loc: e.loc };
        }
        const { stmts: before, expr } = atomize(e);
        stmts.push(...before);
        return expr;
      });
      return { stmts, expr: atoms };
    };

    /** A form with its operands (the fields `operandFields` names, in order) made atoms. */
    const withAtoms = <N extends { readonly kind: keyof typeof operandFields }>(node: N): Flat<N> => {
      const fields = operandFields[node.kind];
      const record = node as unknown as Record<string, In.Expr | readonly In.Expr[] | null>;
      const { stmts, expr: atoms } = operands(fields.flatMap((f) => record[f] ?? []));
      let next = 0;
      const take = (v: In.Expr | readonly In.Expr[] | null) => (Array.isArray(v) ? v.map(() => atoms[next++]!) : v === null ? null : atoms[next++]!);
      return { stmts, expr: { ...node, ...Object.fromEntries(fields.map((f) => [f, take(record[f]!)])) } };
    };
    /** A statement with atomic operands, after the statements they need. */
    const withAtomsAfter = (node: In.Store | In.CheckIndex): Out.Stmt[] => {
      const { stmts, expr } = withAtoms(node);
      return [...stmts, expr as Out.Stmt];
    };

    /** `e` with atomic operands (it may itself be complex), after the statements it needs. */
    const flatten = (e: In.Expr): Flat<Out.Expr> => {
      switch (e.kind) {
        case "Int": case "Bool": case "Unit": case "Str": case "Var": case "StaticClosure": return { stmts: [], expr: e };
        case "Block": return { stmts: [], expr: remove(e, undefined) };
        case "If": {
          const cond = flatten(e.cond);
          return { stmts: cond.stmts, expr: { ...e, cond: cond.expr, then: remove(e.then, undefined), else: remove(e.else, undefined) } };
        }
        case "Binary": case "Unary": case "Prim": case "Call": case "New": case "NewArray": case "Load": case "Receive":
          return withAtoms(e) as Flat<Out.Expr>;
        default: return unreachable(e);
      }
    };

    // Statements that hold an expression become the statements it needs, then themselves.
    const flattened = (field: "init" | "value" | "expr") => (node: In.Let | In.Assign | In.ExprStmt | In.Return): Out.Stmt[] => {
      const { stmts, expr } = flatten((node as unknown as Record<string, In.Expr>)[field]!);
      return [...stmts, { ...node, [field]: expr } as Out.Stmt];
    };
    const remove = rewriter<In.Node, undefined>(Lchecked, {
      Let: flattened("init"),
      Assign: flattened("value"),
      ExprStmt: flattened("expr"),
      Return: flattened("value"),
      Store: withAtomsAfter,
      CheckIndex: withAtomsAfter,
      While(node, ctx, recur): Out.While {
        const { stmts, expr } = flatten(node.cond);
        const loc = node.cond.loc;
        const cond: Out.Expr = stmts.length === 0 ? expr : { kind: "Block", stmts: [...stmts, { kind: "ExprStmt", expr, loc }], loc };
        return { ...node, cond, body: recur(node.body, ctx) };
      },
    });
    return remove(program, undefined);
  },
});
