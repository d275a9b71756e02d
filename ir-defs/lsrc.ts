// Lsrc: Quastra as the programmer wrote it. The parser produces it; every node
// it reads from the program carries `loc`, its source span. The prelude's items
// that the program may use follow the program's own in a `module prelude`
// item (passes/parse.ts), without locations: they come from another file.
//
// Names are not resolved yet: `Nil` is a Var and `Cons(1, Nil)` a Call, and a
// bare name in a pattern is a Binder, whether they name a constructor or not
// (check-types knows which).
import { defineIL, readMatch, terminal, type Terminal } from "../il/define.js";
import { sourceNames } from "./names.js";
import { functionType, parseType, readType, splitFunctionType } from "./type-syntax.js";

export const binaryOperators = ["||", "&&", "==", "!=", "<", "<=", ">", ">=", "|", "^", "&", "<<", ">>", "+", "-", "*", "/", "%"] as const;
export const assignOperators = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="] as const;

/** A type as written (ir-defs/type-syntax.ts): Int, Bool, Unit, String, a
 * record, union, alias or type parameter's name, a generic record or union
 * applied to its arguments (a channel's type `Chan[T]` is written so too), a tuple, Array[T], Box[T]
 * or `fn(T1, T2) -> R`. */
export const typeTerminal: Terminal = {
  name: "type",
  describe: "Int | Bool | Unit | String | Name | Name[type, ...] | (type, type, ...) | Array[type] | Box[type] | fn(type, ...) -> type",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && parseType(v) !== null,
  read: (text, at) => {
    const type = readType(text, at);
    return type === null ? [] : [{ value: text.slice(at, type.end), end: type.end }];
  },
};

/** A field of a record (a name) or of a tuple (a number). */
export const fieldTerminal: Terminal = {
  name: "field",
  describe: "a field name, or a tuple position 0, 1, ...",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && /^([A-Za-z_][A-Za-z0-9_]*|0|[1-9][0-9]*)$/.test(v),
  read: readMatch(/[A-Za-z_][A-Za-z0-9_]*|0|[1-9][0-9]*/),
};

export { functionType, splitFunctionType };

export const Lsrc = defineIL({
  name: "Lsrc",
  purpose: "Quastra source as parsed: items, blocks, statements and expressions with all their sugar",
  entry: "Program",
  terminals: {
    int: terminal.int,
    bool: terminal.bool,
    string: terminal.string,
    name: sourceNames,
    type: typeTerminal,
    binop: terminal.oneOf("binop", binaryOperators),
    unop: terminal.oneOf("unop", ["-", "!", "~"]),
    assignop: terminal.oneOf("assignop", assignOperators),
    decl: terminal.oneOf("decl", ["let", "let mut"]),
    field: fieldTerminal,
  },
  grammar: {
    Program: { Program: "<items:Item*\n>" },
    Item: {
      Const: "const <name:name>: <type:type> = <value:Expr>",
      Fn: "fn <name:name>(<params:Param*, >)< -> |ret:type?> <body:Block>",
      Record: "record <name:name> {<fields:FieldDecl*, >}",
      TypeAlias: "type <name:name> = <type:type>",
      /** `union Shape { Circle(r: Int), Empty }`: a value is one of the constructors, with its fields. */
      Union: "union <name:name> {<ctors:Ctor*, >}",
      /** Generic items have their own forms, so that the ILs below monomorphisation drop them whole. */
      GenericUnion: "union <name:name>[<tparams:TypeParam*, >] {<ctors:Ctor*, >}",
      GenericRecord: "record <name:name>[<tparams:TypeParam*, >] {<fields:FieldDecl*, >}",
      GenericFn: "fn <name:name>[<tparams:TypeParam*, >](<params:Param*, >)< -> |ret:type?> <body:Block>",
      /** `impl Point { fn norm1(self) -> Int { ... } }`: methods of a record or union the program declares;
       * a generic type's impl names its parameters, `impl[T] Stack[T] { ... }`. */
      Impl: "impl<[|tparams:TypeParam*, |]> <type:type> {<methods:Item*\n>}",
      /** `impl Show for Point { ... }`: the methods of the protocol, for that type. */
      ProtocolImpl: "impl<[|tparams:TypeParam*, |]> <protocol:name> for <type:type> {<methods:Item*\n>}",
      /** `protocol Show { fn show(self) -> String }`: methods a type with an impl of it has. */
      Protocol: "protocol <name:name> {<sigs:Sig*\n>}",
      /** The prelude's items (shared/quastra-brief.md §6): an outer scope the program's own items hide. */
      Module: "module <name:name> {<items:Item*\n>}",
    },
    /** A method's first parameter is `self`, of type `Self` (the impl's type). */
    Param: { Param: "<name:name>: <type:type>" },
    /** A protocol's method: its signature, without a body. */
    Sig: { Sig: "fn <name:name>(<params:Param*, >)< -> |ret:type?>" },
    /** `T`, or `T: Ord + Show`: a type argument must have an impl of each protocol of the bounds. */
    TypeParam: { TypeParam: "<name:name><: |bounds:name* + >" },
    /** A union's constructor: `Nil`, `Cons(head: Int, tail: List)`. */
    Ctor: { Ctor: "<name:name><(|fields:FieldDecl*, |)>" },
    Block: { Block: "{<stmts:Stmt*\n>}" },
    Stmt: {
      Let: "<decl:decl> <name:name><: |type:type?> = <init:Expr>",
      Assign: "<name:name> <op:assignop> <value:Expr>",
      While: "while <cond:Expr> <body:Block>",
      /** `p.x = v`, `p.a.b += v`: a field of a `mut` record or tuple variable gets a new value. */
      SetField: "<name:name>.<path:field*.> <op:assignop> <value:Expr>",
      /** `a[i] = v`: an element of an array (arrays are shared, so every alias sees it). */
      SetIndex: "<array:Expr>[<index:Expr>] <op:assignop> <value:Expr>",
      For: "for <name:name> in <from:Expr>..<to:Expr> <body:Block>",
      /** `for v in a`: each element of an array, first to last. */
      ForEach: "for <name:name> in <iter:Expr> <body:Block>",
      /** `using r = e`: r is bound like a `let`, and `r.drop()` runs whenever the block is left (expand-using). */
      Using: "using <name:name> = <init:Expr>",
      Break: "break",
      Continue: "continue",
      Return: "return< |value:Expr?>",
      ExprStmt: "<expr:Expr>",
    },
    Expr: [
      "Block",
      {
        Int: "<value:int>",
        Bool: "<value:bool>",
        Unit: "()",
        Str: "<value:string>",
        Var: "<name:name>",
        Binary: "(<left:Expr> <op:binop> <right:Expr>)",
        Unary: "<op:unop><arg:Expr>",
        If: "if <cond:Expr> <then:Block>< else |else:Expr?>",
        Call: "<callee:name>(<args:Expr*, >)",
        Tuple: "(<elems:Expr*, >)",
        Field: "<target:Expr>.<field:field>",
        Index: "<target:Expr>[<index:Expr>]",
        RecordLit: "<name:name> {<inits:FieldInit*, >}",
        MethodCall: "<target:Expr>.<method:name>(<args:Expr*, >)",
        /** Arms are tried top to bottom; the scrutinee is evaluated once. */
        Match: "match <scrutinee:Expr> {<arms:Arm*\n>}",
        /** `try e` on a Result: the value of `Ok(v)`, or `return Err(x)` from the function. */
        Try: "(try <value:Expr>)",
        /** An anonymous function: `fn(x: Int) -> Int { x + k }` (no `->`: Unit). It captures
         * the variables it uses by value, when it is made. */
        Lambda: "fn(<params:Param*, >)< -> |ret:type?> <body:Block>",
        /** A call of any other expression than a name: `table[i](x)`, `(r.f)(x)`, `curry(f)(1)`. */
        Apply: "(<callee:Expr>)(<args:Expr*, >)",
        /** `scope { ... }`: the block's value, once every task spawned in it has finished. */
        Scope: "scope <body:Block>",
        /** `spawn { ... }`: the block runs as a new task of the innermost scope around it (its value is dropped). */
        Spawn: "spawn <body:Block>",
        /** `channel[T](cap)`: a new open channel of T with room for `cap` values (0: a rendezvous). */
        Channel: "channel[<elem:type>](<cap:Expr>)",
      },
    ],
    Arm: { Arm: "<pattern:Pattern>< if |guard:Expr?> => <body:Expr>" },
    Pattern: {
      Wildcard: "_",
      /** A name: binds the value, unless it names a constructor without fields (`Nil`). */
      Binder: "<name:name>",
      IntPat: "<value:int>",
      BoolPat: "<value:bool>",
      StrPat: "<value:string>",
      TuplePat: "(<elems:Pattern*, >)",
      /** A constructor with fields, and a pattern for each: `Node(l, _, Leaf)`. */
      CtorPat: "<ctor:name>(<args:Pattern*, >)",
    },
    FieldInit: { FieldInit: "<name:name>: <value:Expr>" },
    FieldDecl: { FieldDecl: "<name:name>: <type:type>" },
  },
});
