// The checker's types (front-end/types.ts): interned nodes, equality by
// identity of the alias-free form, depth and length known without writing a
// type out, printing by alias names with a cap.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseType, type TypeTree } from "../ir-defs/type-syntax.js";
import { BoolType, fullText, IntType, maxShownLength, maxTypeLength, same, show, tooBig, typeTable, UnitType, type Type, type TypeTable } from "../front-end/types.js";
import { maxNesting } from "../front-end/parser.js";

/** A recipe for a type, so that the same type can be built twice, in two tables or with other alias names. */
type Recipe =
  | { readonly k: "base"; readonly which: 0 | 1 | 2 }
  | { readonly k: "record"; readonly name: string }
  | { readonly k: "array" | "box"; readonly elem: Recipe }
  | { readonly k: "tuple"; readonly elems: readonly Recipe[] }
  | { readonly k: "fn"; readonly params: readonly Recipe[]; readonly ret: Recipe }
  | { readonly k: "alias"; readonly name: string; readonly target: Recipe };

const recipe: fc.Arbitrary<Recipe> = fc.letrec<{ t: Recipe }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ k: fc.constant("base" as const), which: fc.constantFrom(0 as const, 1 as const, 2 as const) }),
    fc.record({ k: fc.constant("record" as const), name: fc.constantFrom("P", "Q") }),
    fc.record({ k: fc.constantFrom("array" as const, "box" as const), elem: tie("t") }),
    fc.record({ k: fc.constant("tuple" as const), elems: fc.array(tie("t"), { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant("fn" as const), params: fc.array(tie("t"), { maxLength: 2 }), ret: tie("t") }),
    fc.record({ k: fc.constant("alias" as const), name: fc.constantFrom("A", "B", "C"), target: tie("t") }),
  ),
})).t;

function build(r: Recipe, table: TypeTable, aliasPrefix = ""): Type {
  switch (r.k) {
    case "base": return [IntType, BoolType, UnitType][r.which]!;
    case "record": return table.named(r.name);
    case "array": return table.named("Array", [build(r.elem, table, aliasPrefix)]);
    case "box": return table.named("Box", [build(r.elem, table, aliasPrefix)]);
    case "tuple": return table.tuple(r.elems.map((e) => build(e, table, aliasPrefix)));
    case "fn": return table.fn(r.params.map((p) => build(p, table, aliasPrefix)), build(r.ret, table, aliasPrefix));
    case "alias": return table.alias(aliasPrefix + r.name, build(r.target, table, aliasPrefix));
  }
}

const depthOf = (t: TypeTree): number =>
  1 + Math.max(0, ...(t.kind === "name" ? [] : t.kind === "tuple" ? t.elems : t.kind === "fn" ? [...t.params, t.ret] : [t.elem]).map(depthOf));

test("types: the depth and length a node knows are those of its text written out in full, which the ILs read back", () => {
  fc.assert(
    fc.property(recipe, (r) => {
      const t = build(r, typeTable());
      const text = fullText(t);
      const tree = parseType(text);
      assert.ok(tree, text);
      assert.is(t.textLength, text.length, text);
      assert.is(t.depth, depthOf(tree!), text);
      assert.is(fullText(t.canon), text);
    }),
    { numRuns: 500, seed: 14 },
  );
});

test("types: a table makes each node once; two types are the same exactly when their full texts are", () => {
  fc.assert(
    fc.property(recipe, recipe, (r1, r2) => {
      const table = typeTable();
      assert.is(build(r1, table), build(r1, table), "built twice: one node");
      const renamed = build(r1, table, "Other");
      assert.ok(same(build(r1, table), renamed), "aliases of other names stand for the same type");
      const [a, b] = [build(r1, table), build(r2, table)];
      assert.is(same(a, b), fullText(a) === fullText(b));
    }),
    { numRuns: 500, seed: 15 },
  );
});

test("types: a message shows aliases by name and at most about maxShownLength characters of a type", () => {
  const table = typeTable();
  const grid = table.alias("Grid", table.named("Array", [table.named("Array", [IntType])]));
  assert.is(show(table.tuple([grid, IntType])), "(Grid, Int)");
  assert.is(fullText(table.tuple([grid, IntType])), "(Array[Array[Int]], Int)");
  let deep: Type = IntType;
  for (let i = 0; i < 200; i++) deep = table.named("Array", [deep]);
  const shown = show(deep);
  assert.ok(shown.length <= 2 * maxShownLength + 3, shown); // what was opened is closed
  assert.ok(shown.startsWith("Array[Array[") && shown.includes("...") && shown.endsWith("]]"), shown);
  const wide = table.tuple(Array.from({ length: 1000 }, () => IntType));
  assert.ok(show(wide).length < maxShownLength + 20 && show(wide).endsWith(", ...)"), show(wide));
});

test("types: aliases that double at each level cost one node per level; equality, size and depth never expand them", () => {
  const table = typeTable();
  const doubling = (prefix: string, levels: number): Type[] => {
    const chain = [table.alias(`${prefix}0`, IntType)];
    for (let i = 1; i <= levels; i++) chain.push(table.alias(`${prefix}${i}`, table.tuple([chain[i - 1]!, chain[i - 1]!])));
    return chain;
  };
  const a = doubling("A", 2000); // written out, A2000 would be 2^2000 Ints long
  const b = doubling("B", 2000);
  assert.ok(same(a[2000]!, b[2000]!), "A2000 and B2000 are the same type");
  assert.ok(!same(a[2000]!, b[1999]!));
  assert.is(show(a[2000]!), "A2000");
  assert.is(a[2000]!.depth, 2001);
  assert.is(tooBig(a[2000]!), `nests more than ${maxNesting} levels deep once its aliases are written out`);
  assert.is(tooBig(a[30]!), `is too large: written out without aliases it would take more than ${maxTypeLength} characters`);
  assert.is(tooBig(a[10]!), null);
  assert.is(fullText(a[10]!).length, a[10]!.textLength);
  assert.throws(() => fullText(a[30]!), /too large to write out/);
});

test.run();
