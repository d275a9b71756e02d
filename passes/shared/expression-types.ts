// The type of an expression, for the passes that bind expressions to new
// variables (a `let` must state its type: desugar-for, desugar-field-update,
// remove-complex-operands) and for lower-data-layout, which lays a value out by
// its type. After uniquify every variable has one binding, so one table of
// variable types serves the whole program; records are looked up by name.
// `never` is the type of what does not return (panic, exit, a block that ends
// in break or continue); a variable of that type never gets a value, and is
// declared Unit, as check-types does. It is spelt `!`, which no type is: a
// program may call a record Never.
//
// It reads any IL from Luniq to Lmon: the forms of each are handled by kind.
// Serves expand-using (Lnomatch -> Lnousing), desugar-compound-assign (Lnousing
// -> Lassign), desugar-field-update (Lassign -> Lvalues), desugar-for (Lvalues
// -> Lwhile), lower-tasks (Lwhile -> Ltasks), uncover-captures (Ltasks ->
// Lcaptures), convert-closures (Llifted -> Lclosed), shrink (Lclosed ->
// Lshrunk), lower-data-layout (Lchannels -> Ldata), lay-out-closures (Ldata ->
// Llayout), remove-complex-operands (Lchecked -> Lmon) and drop-unused-values
// (Lreturn -> Lreturn).

import type { IL } from "../../il/define.js";
import { forEachNode } from "../../il/rewrite.js";
import { elementType, functionType, parseType, showType, splitFunctionType } from "../../ir-defs/type-syntax.js";

export type TypeName = string;
const never = "!";
type ExprType = TypeName | typeof never;

/** What the types of a program's expressions depend on: its variables and its records. */
export interface TypeContext {
  /** A variable's declared type, by name. */
  readonly variable: (name: string) => TypeName | undefined;
  /** A record's fields in order, by the record's name; a constructor's, by `Union::Ctor`. */
  readonly record: (name: string) => readonly { readonly name: string; readonly type: TypeName }[] | undefined;
  /** The type of a closure of the function `code`: a lifted function's own (Llifted), or the type
   * of the closure a function of Lclosed takes first. */
  readonly closure: (code: string) => TypeName;
}

/** Any node (of any IL's generated types); its fields are read by kind. */
type Expr = { readonly kind: string };

/** The types of a program's variables and records, read on the first question. */
export function typeContext(il: IL, program: unknown): TypeContext {
  let types: Map<string, TypeName | Expr> | null = null; // a for-each's variable: its iterated array, typed on demand
  let records: Map<string, { name: string; type: TypeName }[]> | null = null;
  let lifted: Map<string, TypeName> | null = null;
  const scan = () => {
    types = new Map();
    records = new Map();
    lifted = new Map();
    forEachNode(il, program, (node) => {
      const n = node as any;
      if (n.kind === "Let" || n.kind === "Using" || n.kind === "Param" || n.kind === "Capture") types!.set(n.name, n.type);
      if (n.kind === "LiftedFn") lifted!.set(n.name, functionType(n.params.map((p: any) => p.type), n.ret));
      if (n.kind === "For") types!.set(n.name, "Int");
      if (n.kind === "ForEach") types!.set(n.name, n.iter);
      if (n.kind === "ForChan") types!.set(n.name, n.type);
      if (n.kind === "Receive") types!.set(n.found, "Int");
      if (n.kind === "Fn") types!.set(n.name, functionType(n.params.map((p: any) => p.type), n.ret));
      if (n.kind === "Record") records!.set(n.name, n.fields.map((f: any) => ({ name: f.name, type: f.type })));
      if (n.kind === "Union") for (const c of n.ctors) records!.set(`${n.name}::${c.name}`, c.fields); // a constructor's fields
    });
  };
  const context: TypeContext = {
    variable(name) {
      if (types === null) scan();
      const t = types!.get(name);
      if (typeof t !== "object") return t;
      const elem = elementOf(typeOf(t, context), "Array");
      types!.set(name, elem);
      return elem;
    },
    record(name) {
      if (records === null) scan();
      return records!.get(name);
    },
    closure(code) {
      if (lifted === null) scan();
      const own = lifted!.get(code);
      if (own !== undefined) return own;
      const env = splitFunctionType(defined(context.variable(code), code))?.params[0];
      return defined(env, `the closure of ${code}`);
    },
  };
  return context;
}

/** The element type of Array[T] or Box[T]. */
export function elementOf(type: TypeName, of: "Array" | "Box"): TypeName {
  const elem = elementType(type, of);
  if (elem === null) throw new Error(`${type} is not ${of === "Array" ? "an Array" : "a Box"}`);
  return elem;
}

/** The type of field `field` (a name, or a tuple's position) of a value of type `type`. */
export function fieldOf(type: TypeName, field: string, context: TypeContext): { index: number; type: TypeName; count: number } {
  const t = parseType(type);
  if (t?.kind === "tuple") return { index: Number(field), type: showType(t.elems[Number(field)]!), count: t.elems.length };
  const fields = t?.kind === "name" ? context.record(showType(t)) : undefined; // (an instance: Pair[Int, Bool])
  const index = fields ? fields.findIndex((f) => f.name === field) : -1;
  if (!fields || index < 0) throw new Error(`${type} has no field ${field}`);
  return { index, type: fields[index]!.type, count: fields.length };
}

/** The type of an `if`'s value from its two branches' types: a branch that never ends adds
 * nothing; once data is laid out (Ldata on), a union's value made by `new` in one branch is a
 * Ref and a constructor without fields in the other a Union (an immediate), and the `if` may
 * give either, so it is a Union: the variable that holds it gets its counts guarded. */
const join = (a: ExprType, b: ExprType): ExprType => {
  if (a === never) return b;
  return (a === "Ref" && b === "Union") || (a === "Union" && b === "Ref") ? "Union" : a;
};
const defined = (t: TypeName | undefined, name: string): TypeName => {
  if (t === undefined) throw new Error(`no type known for ${name}`);
  return t;
};

/** The result type of a function type. */
function resultOf(type: TypeName): TypeName {
  const signature = splitFunctionType(type);
  if (signature === null) throw new Error(`${type} is not a function's type`);
  return signature.ret;
}

/** The type a primitive gives, when it does not depend on its arguments' types (null: array, box, get). */
function primitiveResult(op: string): ExprType | null {
  switch (op) {
    case "read_int": case "len": case "string_byte": case "scope_open": return "Int";
    case "channel": return "Ref";
    case "exit": case "panic": return never;
    case "concat": case "string_slice": case "input_line": return "String";
    case "string_eq": case "try_send": return "Bool";
    case "string_cmp": return "Int";
    case "array": case "box": case "get": return null;
    default: return "Unit"; // print_*, assert, set, send, close, yield, scope_close, spawn
  }
}

/** Whether a primitive gives no value: Unit, or it never returns. (`get` may give Unit: a Box[Unit]'s; it is not known here.) */
export function givesNoValue(op: string): boolean {
  const t = primitiveResult(op);
  return t === "Unit" || t === never;
}

export function typeOf(node: Expr, context: TypeContext): ExprType {
  const e = node as any;
  switch (e.kind) {
    case "Int": return "Int";
    case "Bool": return "Bool";
    case "Unit": return "Unit";
    case "Str": return "String";
    case "Var": return defined(context.variable(e.name), e.name);
    case "Binary":
      switch (e.op) {
        case "==": case "!=": case "<": case "<=": case ">": case ">=": case "&&": case "||": return "Bool";
        case "&": case "|": case "^": return join(typeOf(e.left, context), typeOf(e.right, context));
        default: return "Int";
      }
    case "Unary": return e.op === "!" ? "Bool" : "Int";
    case "Prim":
      switch (e.op) {
        case "array": return `Array[${typeOf(e.args[1], context)}]`;
        case "box": return `Box[${typeOf(e.args[0], context)}]`;
        case "get": return elementOf(typeOf(e.args[0], context), "Box");
        default: return primitiveResult(e.op)!;
      }
    case "Call": return resultOf(defined(context.variable(e.callee), e.callee));
    case "CallCode": return resultOf(defined(context.variable(e.closure), e.closure));
    case "Apply": {
      const callee = typeOf(e.callee, context);
      return callee === never ? never : resultOf(callee);
    }
    case "Lambda": return functionType(e.params.map((p: { type: TypeName }) => p.type), e.ret);
    case "Closure": return context.closure(e.code);
    case "Captured": return e.type;
    case "StaticClosure": return "Ref";
    case "If": return e.else === null ? "Unit" : join(typeOf(e.then, context), typeOf(e.else, context));
    case "Block": {
      const last = e.stmts[e.stmts.length - 1];
      if (last?.kind === "ExprStmt") return typeOf(last.expr, context);
      return last?.kind === "Break" || last?.kind === "Continue" || last?.kind === "Return" ? never : "Unit";
    }
    case "Tuple": {
      const elems = e.elems.map((x: Expr) => typeOf(x, context));
      return elems.includes(never) ? never : `(${elems.join(", ")})`;
    }
    case "Field": return fieldOf(typeOf(e.target, context), e.field, context).type;
    case "Index": return elementOf(typeOf(e.target, context), "Array");
    case "RecordLit": return e.name;
    case "Construct": return e.type;
    case "IsCtor": return "Bool";
    case "CtorField": return defined(context.record(`${e.type}::${e.ctor}`)?.find((f) => f.name === e.field)?.type, `${e.ctor}.${e.field}`);
    case "New": case "NewArray": return "Ref";
    case "Scope": return typeOf(e.body, context);
    case "Spawn": return "Unit";
    case "Channel": return `Chan[${e.elem}]`;
    case "Recv": return e.type;
    case "Receive": return "Int";
    case "Load": return e.type;
  }
  throw new Error(`unknown expression ${e.kind}`);
}

/** The type a new variable holding `e` is declared with. */
export function declaredType(e: Expr, context: TypeContext): TypeName {
  const t = typeOf(e, context);
  return t === never ? "Unit" : t;
}
