// Ltyped: Lsrc after type checking. Every `let` states its type, every `fn`
// its result type, every `return` its value, and calls of built-ins are
// resolved to primitive operations chosen by argument type: `print_int(x)`. A
// `Call` left is a call of the program's own function, by its name or by a
// variable holding it, and says so: `call f(x)` (a function may be named
// print_int too).
// Type aliases are gone (every type is written out). `b.get()` and `b.set(v)`
// are the primitives get and set; any other method call states the type of
// its receiver, and the methods of impls are items of their own (Method), each
// stating the type it is a method of; protocols are gone (only check-types
// reads them), and a method call on a type parameter `T: Show` stays a call on
// `T` until monomorphize knows T. `a == b` on a type with an Eq impl (or
// `T: Eq`) is the call `a.eq(b)`, `a < b` with Ord is `a.cmp(b) < 0`.
//
// Names are resolved, and no type is left to infer: a constructor's use is a
// Construct naming its union type with its type arguments (`Option[Int].None`),
// a call of a generic function a GenericCall with its type arguments, a
// pattern's binders and constructors carry their types, a match its
// scrutinee's type and a `try` the Result it unwraps and the Result its
// function returns. The prelude's items that the program uses are items like
// the program's own (one under the name `prelude.X` when the program has its
// own X). The type of every expression follows from its parts, as
// passes/shared/expression-types.ts works it out.
//
// Concurrency (spec/language.md, "Concurrency"): `scope { B }`, `spawn { B }`
// and `channel[T](cap)` stay forms (Lsrc's); `ch.send(v)`, `ch.close()` and
// `yield()` are the primitives send(ch, v), close(ch) and yield(), and
// `ch.try_send(v)` the primitive try_send(ch, v), a Bool; `ch.recv()`
// is `recv(ch): Option[T]`, stating the Option type it gives (the prelude's, by
// the name the program knows it by), so monomorphize renames it like any type;
// `for v in ch` is a loop of its own, `for v: T in recv ch: Option[T] { B }`,
// until desugar-for writes it as a while loop over recv.
import { extendIL, terminal, type Terminal } from "../il/define.js";
import { Lsrc, typeTerminal } from "./lsrc.js";
import { parseType } from "./type-syntax.js";

/** A generic record or union applied to its arguments (`Pair[Int, Bool]`): the
 * type of a GenericRecordLit, which so never reads as a plain RecordLit. */
export const appliedTypeTerminal: Terminal = {
  name: "appliedtype",
  describe: "Name[type, ...]",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && isApplied(v),
  read: (text, at) => typeTerminal.read(text, at).filter((r) => isApplied(r.value as string)),
};

function isApplied(text: string): boolean {
  const t = parseType(text);
  return t !== null && t.kind === "name" && (t.args?.length ?? 0) > 0;
}

export const primitives = [
  "print_int", "print_bool", "print_string", "read_int", "exit", "assert", "panic",
  // Strings: `a + b`, `a == b`; `len` of a String or an Array.
  "concat", "string_eq", "string_cmp", "len",
  // What core.string and core.io are written over: a byte, a slice, output without a newline, a line of input.
  "string_byte", "string_slice", "write_string", "input_line",
  // `array(n, init)`, `Box(v)`, `b.get()`, `b.set(v)`.
  "array", "box", "get", "set",
  // Channels and tasks: `ch.send(v)`, `ch.try_send(v)`, `ch.close()`, `yield()` (spec/language.md, "Concurrency").
  "send", "try_send", "close", "yield",
] as const;

export const Ltyped = extendIL(Lsrc, {
  name: "Ltyped",
  purpose: "types made explicit: every let and fn has its type, return has a value, built-in calls are typed primitives, constructors and generic instances state their types",
  terminals: { prim: terminal.oneOf("prim", primitives), appliedtype: appliedTypeTerminal },
  remove: ["TypeAlias", "Module", "Impl", "ProtocolImpl", "Protocol", "Sig"],
  add: {
    Item: {
      /** A method of an impl, with the type it is a method of: `fn Point::norm1(self: Point) -> Int`. */
      Method: "fn <type:type>::<name:name>(<params:Param*, >) -> <ret:type> <body:Block>",
      /** A method of a generic impl, or with type parameters of its own, with the impl's type parameters and then
       * its own: `fn[T] Stack[T]::push(self: Stack[T], x: T) -> Stack[T]`, `fn[T, U] Stack[T]::map(self: Stack[T], f: fn(T) -> U) -> Stack[U]`. */
      GenericMethod: "fn[<tparams:TypeParam*, >] <type:type>::<name:name>(<params:Param*, >) -> <ret:type> <body:Block>",
      Fn: "fn <name:name>(<params:Param*, >) -> <ret:type> <body:Block>",
      GenericFn: "fn <name:name>[<tparams:TypeParam*, >](<params:Param*, >) -> <ret:type> <body:Block>",
    },
    Stmt: {
      Let: "<decl:decl> <name:name>: <type:type> = <init:Expr>",
      Return: "return <value:Expr>",
      Using: "using <name:name>: <type:type> = <init:Expr>",
      /** `for v in ch`: v, of the channel's element type, takes each value received until the channel is closed
       * and drained; `option` is the Option type of a receive (`recv`'s). */
      ForChan: "for <name:name>: <type:type> in recv <chan:Expr>: <option:type> <body:Block>",
    },
    Expr: {
      /** A call of one of the program's functions; a built-in's is a primitive. */
      Call: "call <callee:name>(<args:Expr*, >)",
      Prim: "<op:prim>(<args:Expr*, >)",
      /** A constructor applied to its fields, with the union type it makes: `List[Int]::Cons(1, xs)`. */
      Construct: "<type:type>::<ctor:name><(|args:Expr*, |)>",
      /** A generic record's literal, with its type arguments: `Pair[Int, Bool] {a: 1, b: true}`. */
      GenericRecordLit: "<type:appliedtype> {<inits:FieldInit*, >}",
      /** A call of a generic function, with the type arguments inferred for it. */
      GenericCall: "call <callee:name>[<targs:type*, >](<args:Expr*, >)",
      /** A generic function used as a value, with its type arguments: `fn swap[Int, Bool]`. */
      FnInstance: "fn <name:name>[<targs:type*, >]",
      /** A method call, with the type of its receiver (`T` in generic code): `(p.1: Point).norm1()`. */
      MethodCall: "(<target:Expr>: <type:type>).<method:name>(<args:Expr*, >)",
      /** A call of a method with type parameters of its own, with the type arguments inferred for them: `(s.1: Stack[Int]).map[Bool](f.2)`. */
      GenericMethodCall: "(<target:Expr>: <type:type>).<method:name>[<targs:type*, >](<args:Expr*, >)",
      /** `type` is the scrutinee's. */
      Match: "match <scrutinee:Expr>: <type:type> {<arms:Arm*\n>}",
      /** `type` is the Result[T, E] unwrapped, `ret` the enclosing function's Result[U, E]. */
      Try: "(try <value:Expr>: <type:type> -> <ret:type>)",
      Lambda: "fn(<params:Param*, >) -> <ret:type> <body:Block>",
      /** A call through the function value the callee gives, which is evaluated first. */
      Apply: "call (<callee:Expr>)(<args:Expr*, >)",
      /** `ch.recv()`: the next value of the channel as Some, or None once it is closed and drained (may block);
       * `type` is the Option type it gives, `Option[Int]`. */
      Recv: "recv(<chan:Expr>): <type:type>",
    },
    Pattern: {
      Binder: "<name:name>: <type:type>",
      /** The constructor of the union type `type` (bare when it has no fields). */
      CtorPat: "<type:type>::<ctor:name><(|args:Pattern*, |)>",
    },
  },
});
