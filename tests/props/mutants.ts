// The faults of `npm run mutants` (scripts/mutants.ts says how they are run):
// each a small textual change to one compiled file under dist/, which must
// occur there exactly once (tests/mutants.test.ts holds that, so a pass
// rewritten under a mutant is noticed at once, not at the next mutants run).
import type { Mutant } from "./scratch.js";

export const mutants: readonly Mutant[] = [
  {
    name: "uniquify: the body of a for loop is not renamed",
    file: "passes/uniquify.js",
    from: "const body = recur(node.body, { renamed: new Map([[node.name, name]]), outer: names });",
    to: "const body = recur(node.body, names);",
  },
  {
    name: "inline-constants: an Int const is inlined off by one",
    file: "passes/inline-constants.js",
    from: `return typeof value === "bigint" ? { kind: "Int", value, loc: node.loc }`,
    to: `return typeof value === "bigint" ? { kind: "Int", value: value + 1n, loc: node.loc }`,
  },
  {
    name: "desugar-for: the bound is evaluated on every iteration",
    file: "passes/desugar-for.js",
    from: `cond: { kind: "Binary", left: use(next), op: "<", right: use(end), loc },`,
    to: `cond: { kind: "Binary", left: use(next), op: "<", right: recur(node.to, ctx), loc },`,
  },
  {
    name: "shrink: && becomes ||",
    file: "passes/shrink.js",
    from: `case "&&": return { kind: "If", cond: left, then: blockOf(right, loc), else: blockOf({ kind: "Bool", value: false, loc }, loc), loc };`,
    to: `case "&&": return { kind: "If", cond: left, then: blockOf({ kind: "Bool", value: true, loc }, loc), else: blockOf(right, loc), loc };`,
  },
  {
    name: "remove-complex-operands: a variable operand is read after a later operand assigns it",
    file: "passes/remove-complex-operands.js",
    from: `if (e.kind === "Var" && assigns(Lchecked, list.slice(i + 1), e.name)) {`,
    to: `if (false && e.kind === "Var" && assigns(Lchecked, list.slice(i + 1), e.name)) {`,
  },
  {
    name: "lower-data-layout and desugar-compound-assign: a variable array or index is read after a later operand assigns it",
    file: "passes/shared/fresh-names.js",
    from: `if (isAtom(e) && !("name" in e && assigns(il, later, String(e.name))))`,
    to: `if (isAtom(e))`,
  },
  {
    name: "explicate-control: an if used as a value swaps then and else",
    file: "passes/explicate-control.js",
    from: "return predicate(e.cond, assign(e.then, name, code(join), loop), assign(e.else, name, code(join), loop), loop);",
    to: "return predicate(e.cond, assign(e.else, name, code(join), loop), assign(e.then, name, code(join), loop), loop);",
  },
  {
    name: "explicate-returns: a returned if returns its then-arm's value from both arms",
    file: "passes/explicate-returns.js",
    from: "else: valueReturned(e.else, ret)",
    to: "else: valueReturned(e.then, ret)",
  },
  {
    name: "drop-unused-values: a call whose value nobody uses is dropped",
    file: "passes/drop-unused-values.js",
    from: `case "Call": return isHeapType(declaredType(e, types)) ? [unused(e, s.loc, declaredType(e, types))] : [s];`,
    to: `case "Call": return isHeapType(declaredType(e, types)) ? [unused(e, s.loc, declaredType(e, types))] : [];`,
  },
  {
    name: "mark-tail-calls: a Unit call made a tail call stays a statement too",
    file: "passes/mark-tail-calls.js",
    from: "stmts: b.stmts.slice(0, -1), tail: { kind: \"TailCall\", callee, args, loc }",
    to: "stmts: b.stmts, tail: { kind: \"TailCall\", callee, args, loc }",
  },
  {
    name: "order-blocks: a branch's targets are renamed to each other's blocks",
    file: "passes/order-blocks.js",
    from: "then: rename(tail.then), else: rename(tail.else)",
    to: "then: rename(tail.else), else: rename(tail.then)",
  },
  {
    name: "uncover-live-references: a block's live set ignores what its successors need",
    file: "passes/uncover-live-references.js",
    from: "const out = new Set(successors(b.tail).flatMap((s) => [...live.get(s)]));",
    to: "const out = new Set();",
  },
  {
    name: "select-instructions (x86_64): the operands of a comparison are swapped",
    file: "passes/x86_64/select-instructions.js",
    from: `return [{ kind: "Cmpq", right, left }, { kind: "Set", cc: conditionCode[e.op], dst: al }`,
    to: `return [{ kind: "Cmpq", right: left, left: right }, { kind: "Set", cc: conditionCode[e.op], dst: al }`,
  },
  {
    name: "select-instructions (aarch64): the operands of an arithmetic instruction are swapped",
    file: "passes/aarch64/select-instructions.js",
    from: "return [{ kind: operations[e.op], dst, left, right }];",
    to: "return [{ kind: operations[e.op], dst, left: right, right: left }];",
  },
  {
    name: "select-instructions (x86_64): a constant shift count is taken mod 32, not 64",
    file: "passes/x86_64/select-instructions.js",
    from: "count: imm(BigInt.asUintN(6, right.value))",
    to: "count: imm(BigInt.asUintN(5, right.value))",
  },
  {
    name: "select-instructions (aarch64): >> is a logical shift",
    file: "passes/aarch64/select-instructions.js",
    from: `"<<": "Lsl", ">>": "Asr"`,
    to: `"<<": "Lsl", ">>": "Lsr"`,
  },
  {
    name: "select-instructions (x86_64): < uses the condition code of <=",
    file: "passes/x86_64/select-instructions.js",
    from: `"<": "l", "<=": "le"`,
    to: `"<": "le", "<=": "le"`,
  },
  {
    name: "select-instructions (aarch64): >= uses the condition code of >",
    file: "passes/aarch64/select-instructions.js",
    from: `">": "gt", ">=": "ge"`,
    to: `">": "gt", ">=": "gt"`,
  },
  {
    name: "lower-division (x86_64): a variable divisor of -1 is not replaced by 1",
    file: "passes/x86_64/lower-division.js",
    from: "movq(imm(1n), divisor),",
    to: "movq(b, divisor),",
  },
  {
    name: "lower-division (aarch64): a variable divisor is not checked for zero",
    file: "passes/aarch64/lower-division.js",
    from: `const zeroCheck = b.kind === "Imm" ? [] : [{ kind: "Cbz", src: b, target: divisionByZero }];`,
    to: "const zeroCheck = [];",
  },
  {
    name: "lower-calls (x86_64): a call's result is not taken from %rax",
    file: "passes/x86_64/lower-calls.js",
    from: "...(result ? [movq(rax, result)] : []),",
    to: "...([]),",
  },
  {
    name: "lower-calls (aarch64): a function's value is not put in x0",
    file: "passes/aarch64/lower-calls.js",
    from: `case "Return": return [...load(i.value, x0), { kind: "B", target: conclusionOf(fn) }];`,
    to: `case "Return": return [{ kind: "B", target: conclusionOf(fn) }];`,
  },
  {
    name: "lower-memory (aarch64): a constant index is folded in one element too far",
    file: "passes/aarch64/lower-memory.js",
    from: "return [setBase, { base: b, offset: offset + 8n * index.value }];",
    to: "return [setBase, { base: b, offset: offset + 8n * (index.value + 1n) }];",
  },
  {
    name: "assign-homes: every variable is put in the first variable's home",
    file: "passes/assign-homes.js",
    from: "Var: (node) => homes.get(node.name)",
    to: "Var: () => program.homes[0].home",
  },
  {
    name: "patch-instructions (x86_64): forgets the cmpq with an immediate first operand",
    file: "passes/x86_64/patch-instructions.js",
    from: `if (instr.kind === "Cmpq" && instr.left.kind === "Imm") {`,
    to: `if (false && instr.kind === "Cmpq" && instr.left.kind === "Imm") {`,
  },
  {
    name: "uncover-live: no fixed point, one backward walk over the blocks",
    file: "passes/uncover-live.js",
    from: "if (!queued.has(p))",
    to: "if (false)",
  },
  {
    name: "build-interference: a move's destination never interferes with what is live after it",
    file: "passes/build-interference.js",
    from: "for (const d of uses.writes) {",
    to: "for (const d of move ? [] : uses.writes) {",
  },
  {
    name: "allocate-registers: a neighbour's register is not marked taken",
    file: "passes/allocate-registers.js",
    from: "taken[w] |= 1 << c;",
    to: "taken[w] |= 0;",
  },
  {
    name: "add-prelude-and-conclusion (x86_64): the callee-saved registers in use are not saved",
    file: "passes/x86_64/add-prelude-and-conclusion.js",
    from: "const save = saved.map(",
    to: "const save = [].map(",
  },
  {
    name: "remove-jumps (x86_64): a branch turned round keeps its condition",
    file: "ir-defs/x86_64/machine.js",
    from: "cc: opposite[branch.cc]",
    to: "cc: branch.cc",
  },
  {
    name: "add-prelude-and-conclusion (x86_64): slot offsets off by one word",
    file: "passes/x86_64/add-prelude-and-conclusion.js",
    from: `offset: -8n * BigInt(index + 1)`,
    to: `offset: -8n * BigInt(index)`,
  },
  {
    name: "add-prelude-and-conclusion (x86_64): a tail call jumps without taking the frame down",
    file: "passes/x86_64/add-prelude-and-conclusion.js",
    from: `return [...teardown, { kind: "Jmp", target: instr.target }];`,
    to: `return [{ kind: "Jmp", target: instr.target }];`,
  },
  {
    name: "add-prelude-and-conclusion (aarch64): a tail call branches without taking the frame down",
    file: "passes/aarch64/add-prelude-and-conclusion.js",
    from: `return [...teardown(), { kind: "B", target: instr.target }];`,
    to: `return [{ kind: "B", target: instr.target }];`,
  },
  {
    name: "add-prelude-and-conclusion (aarch64): slot offsets off by one word",
    file: "passes/aarch64/add-prelude-and-conclusion.js",
    from: "offset = BigInt(layout.outgoing + slot.index) * 8n;",
    to: "offset = BigInt(layout.outgoing + slot.index + 1) * 8n;",
  },
  // Faults in what emit-asm prints (each instruction is printed by its IL template): no interpreter
  // reads the text, so only the real binaries can catch them.
  {
    name: "emit-asm (x86_64): sarq is printed as shrq",
    file: "ir-defs/x86_64/lx86var.js",
    from: `Sarq: "sarq <count:Arg>, <dst:Arg>",`,
    to: `Sarq: "shrq <count:Arg>, <dst:Arg>",`,
  },
  {
    name: "emit-asm (aarch64): neg is printed as mvn",
    file: "ir-defs/aarch64/la64var.js",
    from: `Neg: "neg <dst:Arg>, <src:Arg>",`,
    to: `Neg: "mvn <dst:Arg>, <src:Arg>",`,
  },
  {
    name: "lower-data-layout: a field is read one word further on",
    file: "passes/lower-data-layout.js",
    from: "return load(recur(node.target, ctx), fieldOffset(field.index), field.type, node.loc);",
    to: "return load(recur(node.target, ctx), fieldOffset(field.index + 1), field.type, node.loc);",
  },
  {
    name: "insert-index-checks: an element store is not checked",
    file: "passes/insert-index-checks.js",
    from: "Store: (node, ctx, recur) => (node.index === null ?",
    to: "Store: (node, ctx, recur) => (true ?",
  },
  {
    name: "infer-borrows: a consumed parameter stays borrowed",
    file: "passes/infer-borrows.js",
    from: "consumedBy(s, mine, lends).forEach((v) => demote(def.name, v));",
    to: "consumedBy(s, mine, lends).slice(1).forEach((v) => demote(def.name, v));",
  },
  {
    name: "infer-borrows: a field that a Box's set writes is read borrowed",
    file: "passes/infer-borrows.js",
    from: "e.index === null && !written.has(e.offset)",
    to: "e.index === null",
  },
  {
    name: "insert-refcounts: a reference read from a field is not counted",
    file: "passes/insert-refcounts.js",
    from: `const owned = s.value.kind === "Load" || s.value.kind === "Str" || s.value.kind === "StaticClosure";`,
    to: `const owned = s.value.kind === "Str" || s.value.kind === "StaticClosure";`,
  },
  {
    name: "insert-refcounts: what dies on the way into a block is never dropped",
    file: "passes/insert-refcounts.js",
    from: "entering.set(target, drops);",
    to: "entering.set(target, []);",
  },
  {
    name: "expose-allocation: no field of a new object is marked as a reference",
    file: "passes/expose-allocation.js",
    from: `info: fieldsInfo(e.refs), loc: e.loc } };`,
    to: `info: fieldsInfo(e.refs.replace(/1/g, "0")), loc: e.loc } };`,
  },
  // Closures (issue 17): `npm run mutants -- closure` runs these alone.
  {
    name: "uncover-captures: a closure's body reads the captured variable itself, not its copy (a capture by reference)",
    file: "passes/uncover-captures.js",
    from: "body: renameUses(inner.body, renamed) };",
    to: "body: inner.body };",
  },
  {
    name: "lift-functions: a closure is given its captured values in reverse order",
    file: "passes/lift-functions.js",
    from: `captures: node.captures.map((c) => ({ kind: "Var", name: c.outer, loc: c.loc })), loc: node.loc };`,
    to: `captures: node.captures.map((c) => ({ kind: "Var", name: c.outer, loc: c.loc })).reverse(), loc: node.loc };`,
  },
  {
    name: "lay-out-closures: a closure reads every captured value at the first capture's offset (a wrong environment offset)",
    file: "passes/lay-out-closures.js",
    from: "captureOffset(Number(node.index))",
    to: "captureOffset(0)",
  },
  {
    name: "lay-out-closures: a closure's captured references are not counted (no inc of a captured array when it is made, no dec when it dies)",
    file: "passes/lay-out-closures.js",
    from: `node.captures.map((c) => (isHeapType(declaredType(c, types)) ? "1" : "0"))`,
    to: `node.captures.map((c) => "0")`,
  },
  {
    name: "name-string-literals: a static closure passed on gets no variable of its own (its count goes off)",
    file: "passes/name-string-literals.js",
    from: `if (a.kind !== "Str" && a.kind !== "StaticClosure")`,
    to: `if (a.kind !== "Str")`,
  },
  {
    name: "compile-match: every constructor test tests the union's first constructor",
    file: "passes/compile-match.js",
    from: `const test = (c) => ({ kind: "IsCtor", value: v(col.name, loc), type: col.type, ctor: c.name, loc });`,
    to: `const test = (c) => ({ kind: "IsCtor", value: v(col.name, loc), type: col.type, ctor: union.ctors[0].name, loc });`,
  },
  {
    name: "lower-data-layout: the tag word of a union's value is compared with the wrong tag",
    file: "passes/lower-data-layout.js",
    from: `eq(load(v, tagOffset, "Int", loc), int(tag, loc))];`,
    to: `eq(load(v, tagOffset, "Int", loc), int(tag === 0 ? 1 : 0, loc))];`,
  },
  {
    name: "compile-match: a guard is dropped",
    file: "passes/compile-match.js",
    from: `if (!arm.guard)
                return stmts.length === 0 ? body : block(stmts, body, loc);`,
    to: `if (true)
                return stmts.length === 0 ? body : block(stmts, body, loc);`,
  },
  {
    name: "lower-data-layout: no field of a union's constructor is marked a reference (none is dec'd when it dies)",
    file: "passes/lower-data-layout.js",
    from: `const refs = (layout.tagged ? "0" : "") + ctors[tag].fields.map((f) => refBit(f.type)).join("");`,
    to: `const refs = (layout.tagged ? "0" : "") + ctors[tag].fields.map((f) => "0").join("");`,
  },
  {
    name: "guard-immediate-counts: an inc of a union's variable is not guarded",
    file: "passes/guard-immediate-counts.js",
    from: `const at = block.stmts.findIndex((s) => (s.kind === "Inc" || s.kind === "Dec") && guarded.has(s.name));`,
    to: `const at = block.stmts.findIndex((s) => s.kind === "Dec" && guarded.has(s.name));`,
  },
  {
    name: "skip-known-tests: a failed x == k is taken to tell x's low bit too",
    file: "passes/skip-known-tests.js",
    from: "const [eq, ne] = x !== null ? [k, 1n - k] : [k & 1n, null];",
    to: "const [eq, ne] = x !== null ? [k, 1n - k] : [k & 1n, 1n - (k & 1n)];",
  },
  {
    name: "expand-decrements: an object is released when its count is 2, not 1",
    file: "passes/expand-decrements.js",
    from: `op: "==", right: { kind: "Int", value: 1n, loc }, then: release`,
    to: `op: "==", right: { kind: "Int", value: 2n, loc }, then: release`,
  },
  {
    name: "expand-using: the drops of one exit run in the order of their usings",
    file: "passes/expand-using.js",
    from: "const drops = (usings, at) => [...usings].reverse().map((u) => ({",
    to: "const drops = (usings, at) => [...usings].map((u) => ({",
  },
  {
    name: "expand-using: a break drops nothing",
    file: "passes/expand-using.js",
    from: "Break: (node, scope) => (scope.usings.length > scope.loop ?",
    to: "Break: (node, scope) => (false ?",
  },
  {
    name: "resolve-methods: the receiver is passed after the other arguments",
    file: "passes/resolve-methods.js",
    from: "args: [target, ...node.args].map((a) => recur(a, ctx)),",
    to: "args: [...node.args, target].map((a) => recur(a, ctx)),",
  },
  {
    name: "drop-leaf-frames: a function that calls loses its frame too",
    file: "passes/drop-leaf-frames.js",
    from: "if (shape.needFrame.has(instr.kind) ||",
    to: "if (false ||",
  },
  {
    name: "drop-leaf-frames: the frame goes from the prelude but the conclusion still takes it down",
    file: "passes/drop-leaf-frames.js",
    from: "{ ...conclusion, instrs: conclusion.instrs.slice(-1) }",
    to: "conclusion",
  },
  {
    name: "fold-constants: a fold ignores wrapping (+ and * as unbounded integers)",
    file: "passes/fold-constants.js",
    from: "return literal(binary(e.op, e.left.value, e.right.value), e.loc);",
    to: `return literal(e.op === "+" && typeof e.left.value === "bigint" ? e.left.value + e.right.value : e.op === "*" && typeof e.left.value === "bigint" ? e.left.value * e.right.value : binary(e.op, e.left.value, e.right.value), e.loc);`,
  },
  {
    name: "fold-constants: a variable assigned more than once is propagated too",
    file: "passes/fold-constants.js",
    from: "assigned.get(name) === 1 &&",
    to: "assigned.get(name) >= 1 &&",
  },
  {
    name: "fold-branches: a known branch goes the other way",
    file: "passes/fold-branches.js",
    from: "=== true ? t.then : t.else;",
    to: "=== true ? t.else : t.then;",
  },
  {
    name: "mask-remainders: the mask is the power of two itself, not one less",
    file: "passes/mask-remainders.js",
    from: "right: { ...right, value: right.value - 1n }",
    to: "right: { ...right, value: right.value }",
  },
  {
    name: "inline-calls: the call stays beside its inlined body (the callee runs twice)",
    file: "passes/inline-calls.js",
    from: "const before = at >= 0 ? b.stmts.slice(0, at) : b.stmts;",
    to: "const before = at >= 0 ? b.stmts.slice(0, at + 1) : b.stmts;",
  },
  {
    name: "inline-calls: the parameters are bound to the arguments in reverse order",
    file: "passes/inline-calls.js",
    from: "const arg = args[i];",
    to: "const arg = args[args.length - 1 - i];",
  },
  // Inlining a recursive function once keeps the meaning, so no property of the quick run can see
  // it: tests/optimisations.test.ts (recursion is never inlined) must. It must not hang the compiler
  // either: each call is looked at once, so the pass ends whatever it inlines.
  {
    name: "inline-calls: a recursive function is inlined too",
    file: "passes/inline-calls.js",
    from: "if (!recursive && sizeOf(",
    to: "if (sizeOf(",
    test: "optimisations",
  },
];
