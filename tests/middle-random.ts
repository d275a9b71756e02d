// Random well-typed Ltyped programs for tests/middle.test.ts, from a seeded
// generator (props/random.ts; the same seed gives the same program). They use
// every form of the subset: shadowing lets, compound assignment, blocks and ifs
// as values with side effects inside operands, && and ||, while loops with
// break and continue, for loops, consts, assert, and operators that can panic.
// Every loop is bounded, so every program ends.
import type * as T from "../ir-defs/generated/Ltyped.js";
import { random } from "../props/random.js";
import * as b from "./middle-helpers.js";

type Ty = "Int" | "Bool";
interface Variable {
  readonly source: string;
  readonly type: Ty;
  readonly mutable: boolean;
}

const edgeInts = [0n, 1n, -1n, 2n, 3n, 7n, 63n, 64n, 65n, (1n << 63n) - 1n, -(1n << 63n)];
const intOps = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"] as const;
const compareOps = ["==", "!=", "<", "<=", ">", ">="] as const;

export function randomProgram(seed: number): T.Program {
  const { next: rnd, chance, pick } = random(seed);
  let names = 0;
  const consts: Variable[] = [
    { source: "K", type: "Int", mutable: false },
    { source: "F", type: "Bool", mutable: false },
  ];

  const intLiteral = (): T.Int => b.int(chance(0.3) ? pick(edgeInts) : BigInt(Math.floor(rnd() * 21) - 10));
  /** The variables a name reaches (the latest binding of each name) of a type. */
  const visible = (scope: readonly Variable[], type: Ty, mutable = false): Variable[] => {
    const seen = new Set<string>();
    const out: Variable[] = [];
    for (let i = scope.length - 1; i >= 0; i--) {
      const x = scope[i]!;
      if (seen.has(x.source)) continue;
      seen.add(x.source);
      if (x.type === type && (!mutable || x.mutable)) out.push(x);
    }
    return out;
  };

  const expr = (type: Ty, scope: Variable[], depth: number, loops: number): T.Expr => {
    const vars = visible(scope, type);
    if (depth <= 0 || chance(0.25)) {
      if (vars.length > 0 && chance(0.6)) return b.v(pick(vars).source);
      return type === "Int" ? intLiteral() : b.bool(chance(0.5));
    }
    const sub = (t: Ty) => expr(t, scope, depth - 1, loops);
    const r = rnd();
    if (r < 0.12) return b.ifElse(sub("Bool"), b.block(b.expr(sub(type))), b.block(b.expr(sub(type))));
    if (r < 0.24) return valueBlock(type, scope, depth - 1, loops);
    if (type === "Int") {
      if (r < 0.34) return { kind: "Unary", op: chance(0.5) ? "-" : "~", arg: sub("Int") };
      const op = pick(intOps);
      const right = sub("Int");
      // Most divisors are made odd, so not every program ends in a division by zero.
      return b.bin(sub("Int"), op, (op === "/" || op === "%") && chance(0.8) ? b.bin(right, "|", b.int(1)) : right);
    }
    if (r < 0.34) return b.not(sub("Bool"));
    if (r < 0.5) return b.bin(sub("Bool"), pick(["&&", "||", "&", "|", "^", "==", "!="] as const), sub("Bool"));
    return b.bin(sub("Int"), pick(compareOps), sub("Int"));
  };

  /** `{ stmts; value }`: statements (maybe assigning outer variables), then a value. */
  const valueBlock = (type: Ty, scope: Variable[], depth: number, loops: number): T.Block => {
    const inner = [...scope];
    const stmts = statements(inner, depth, loops, 2);
    return b.block(...stmts, b.expr(expr(type, inner, depth, loops)));
  };

  const statement = (scope: Variable[], depth: number, loops: number): T.Stmt => {
    const r = rnd();
    const mutables = [...visible(scope, "Int", true), ...visible(scope, "Bool", true)];
    if (r < 0.25 || depth <= 0) {
      const type: Ty = chance(0.7) ? "Int" : "Bool";
      const init = expr(type, scope, depth, loops);
      const name = chance(0.5) && scope.length > 0 ? pick(scope).source : `v${names++}`; // shadow sometimes
      const variable = { source: name, type, mutable: chance(0.6) };
      scope.push(variable);
      return { kind: "Let", decl: variable.mutable ? "let mut" : "let", name, type, init };
    }
    if (r < 0.45 && mutables.length > 0) {
      const target = pick(mutables);
      const ops = target.type === "Int" ? (["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="] as const) : (["=", "&=", "|=", "^="] as const);
      return b.set(target.source, pick(ops), expr(target.type, scope, depth - 1, loops));
    }
    if (r < 0.62) return chance(0.7) ? b.printInt(expr("Int", scope, depth - 1, loops)) : b.printBool(expr("Bool", scope, depth - 1, loops));
    if (r < 0.7) {
      const body = b.block(...statements([...scope], depth - 1, loops, 3));
      return b.expr(b.ifElse(expr("Bool", scope, depth - 1, loops), body, chance(0.5) ? b.block(...statements([...scope], depth - 1, loops, 2)) : null));
    }
    if (r < 0.78 && loops > 0) return chance(0.5) ? b.brk : b.cont;
    if (r < 0.86 && loops < 2) {
      const counter = `c${names++}`;
      const body = statements([...scope], depth - 1, loops + 1, 3);
      // { let mut c = 0; while c < 4 && cond { c += 1; body } }: at most 4 turns, and continue cannot skip the step
      const cond = b.bin(b.bin(b.v(counter), "<", b.int(4)), "&&", expr("Bool", scope, 1, loops));
      return b.expr(b.block(b.letMut(counter, "Int", b.int(0)), b.loop(cond, b.set(counter, "+=", b.int(1)), ...body)));
    }
    if (r < 0.94 && loops < 2) {
      const inner = [...scope];
      const name = chance(0.3) && scope.length > 0 ? pick(scope).source : `i${names++}`;
      inner.push({ source: name, type: "Int", mutable: false });
      const bound = (e: T.Expr): T.Expr => b.bin(e, "&", b.int(3)); // 0..3
      return b.forRange(name, bound(expr("Int", scope, 1, loops)), bound(expr("Int", scope, 1, loops)), ...statements(inner, depth - 1, loops + 1, 3));
    }
    const ints = visible(scope, "Int");
    const subject = ints.length > 0 ? b.v(pick(ints).source) : b.int(0);
    return b.expr(b.prim("assert", chance(0.8) ? b.bin(subject, "!=", b.int(12345)) : expr("Bool", scope, 1, loops)));
  };

  const statements = (scope: Variable[], depth: number, loops: number, most: number, least = 0): T.Stmt[] => {
    const count = least + Math.floor(rnd() * (most - least + 1));
    const out: T.Stmt[] = [];
    for (let i = 0; i < count; i++) out.push(statement(scope, depth, loops));
    return out;
  };

  const scope: Variable[] = [...consts];
  const body = statements(scope, 3, 0, 12, 4);
  for (const x of visible(scope, "Int").concat(visible(scope, "Bool")).filter((x) => !consts.includes(x)).slice(0, 4)) body.push(x.type === "Int" ? b.printInt(b.v(x.source)) : b.printBool(b.v(x.source)));
  return b.program(
    b.constant("F", "Bool", b.bin(b.v("K"), ">", b.int(2))),
    b.main(...body),
    b.constant("K", "Int", b.bin(b.int(BigInt(Math.floor(rnd() * 9))), "*", b.int(3))),
  );
}
