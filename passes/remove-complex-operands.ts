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
import { forEachNode, rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { freshNamer } from "./shared/fresh-names.js";
import { layoutType } from "./lower-data-layout.js";

/** An expression of Lmon, and the statements that must run just before it. */
interface Flat<E> {
  readonly stmts: readonly Out.Stmt[];
  readonly expr: E;
}

const isAtom = (e: In.Expr): e is In.Int | In.Bool | In.Unit | In.Str | In.Var =>
  e.kind === "Int" || e.kind === "Bool" || e.kind === "Unit" || e.kind === "Str" || e.kind === "Var";

/** Whether evaluating any of `exprs` may assign the variable `name`. */
function assigns(exprs: readonly In.Expr[], name: string): boolean {
  let found = false;
  for (const e of exprs) if (!isAtom(e)) forEachNode(Lchecked, e, (node) => (found ||= node.kind === "Assign" && node.name === name));
  return found;
}

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
      return { stmts: [...stmts, bind(name, layoutType(declaredType(e, types)), expr, e.loc)], expr: { kind: "Var", name, loc: e.loc } };
    };

    /** Operands evaluated left to right, each kept safe from the statements of the ones after it. */
    const operands = (list: readonly In.Expr[]): Flat<Out.Atom[]> => {
      const stmts: Out.Stmt[] = [];
      const atoms = list.map((e, i): Out.Atom => {
        if (e.kind === "Var" && assigns(list.slice(i + 1), e.name)) {
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

    /** `e` with atomic operands (it may itself be complex), after the statements it needs. */
    const flatten = (e: In.Expr): Flat<Out.Expr> => {
      switch (e.kind) {
        case "Int": case "Bool": case "Unit": case "Str": case "Var":
          return { stmts: [], expr: e };
        case "Block":
          return { stmts: [], expr: remove(e, undefined) };
        case "If": {
          const cond = flatten(e.cond);
          return { stmts: cond.stmts, expr: { ...e, cond: cond.expr, then: remove(e.then, undefined), else: remove(e.else, undefined) } };
        }
        case "Binary": {
          const { stmts, expr: [left, right] } = operands([e.left, e.right]);
          return { stmts, expr: { ...e, left: left!, right: right! } };
        }
        case "Unary": {
          const { stmts, expr: [arg] } = operands([e.arg]);
          return { stmts, expr: { ...e, arg: arg! } };
        }
        case "Prim": {
          const { stmts, expr: args } = operands(e.args);
          return { stmts, expr: { ...e, args } };
        }
        case "Call": {
          const { stmts, expr: args } = operands(e.args);
          return { stmts, expr: { ...e, args } };
        }
        case "New": {
          const { stmts, expr: fields } = operands(e.fields);
          return { stmts, expr: { ...e, fields } };
        }
        case "NewArray": {
          const { stmts, expr: [length, init] } = operands([e.length, e.init]);
          return { stmts, expr: { ...e, length: length!, init: init! } };
        }
        case "Load": {
          const { stmts, expr: [base, index] } = operands(e.index === null ? [e.base] : [e.base, e.index]);
          return { stmts, expr: { ...e, base: base!, index: index ?? null } };
        }
        default: {
          const never: never = e;
          throw new Error(`unknown expression ${(never as { kind: string }).kind}`);
        }
      }
    };

    // Statements that hold an expression become the statements it needs, then themselves.
    const remove = rewriter<In.Node, undefined>(Lchecked, {
      Let(node) {
        const { stmts, expr } = flatten(node.init);
        return [...stmts, { ...node, init: expr }];
      },
      Assign(node) {
        const { stmts, expr } = flatten(node.value);
        return [...stmts, { ...node, value: expr }];
      },
      ExprStmt(node) {
        const { stmts, expr } = flatten(node.expr);
        return [...stmts, { ...node, expr }];
      },
      Store(node) {
        const { stmts, expr: atoms } = operands(node.index === null ? [node.base, node.value] : [node.base, node.index, node.value]);
        const [base, index, value] = node.index === null ? [atoms[0], null, atoms[1]] : atoms;
        return [...stmts, { ...node, base: base!, index: index ?? null, value: value! }];
      },
      CheckIndex(node) {
        const { stmts, expr: [index, length] } = operands([node.index, node.length]);
        return [...stmts, { ...node, index: index!, length: length! }];
      },
      Return(node) {
        const { stmts, expr } = flatten(node.value);
        return [...stmts, { ...node, value: expr }];
      },
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
