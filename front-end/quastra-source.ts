// Quastra source text for an Lsrc or Ltyped program: what a person would write,
// such that parsing it (and type-checking it, for Ltyped) gives the same tree
// back. Used to show generated or shrunk test programs as Quastra, and by the
// front-end tests as a round trip. Binaries are fully parenthesised; a block in
// a condition is put in parentheses (there a `{` would start the body); typed
// primitives are written as the built-in calls they come from, and what
// check-types made explicit (a constructor's union type, a generic call's type
// arguments, a pattern's types) is left for it to infer again. The prelude's
// module in an Lsrc program is not written (parse adds it back); in Ltyped the
// prelude's items that the program uses are items like its own, and are.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { unreachable } from "../il/node.js";

type Node = Lsrc.Node | Ltyped.Node | Lmodules.Node;

/** Whether the type's text names the type parameter `name`. */
const namesParam = (type: string, name: string): boolean => new RegExp(`(?<![A-Za-z0-9_.])${name}(?![A-Za-z0-9_])`).test(type);
type Expr = Lsrc.Expr | Ltyped.Expr;

const builtinOf: Readonly<Partial<Record<Ltyped.Prim["op"], string>>> = {
  print_int: "print", print_bool: "print", print_string: "print", read_int: "read_int", exit: "exit", assert: "assert", panic: "panic",
  len: "len", array: "array", box: "Box",
  string_byte: "string_byte", string_slice: "string_slice", write_string: "write_string", input_line: "input_line",
  yield: "yield",
};

function primitive(n: Ltyped.Prim): string {
  const args = n.args.map(show);
  switch (n.op) {
    case "concat": return `(${args[0]} + ${args[1]})`;
    case "string_eq": return `(${args[0]} == ${args[1]})`;
    case "string_cmp": return `(${args[0]} < ${args[1]})`; // (only ever compared with 0: see Binary)
    case "get": return `${postfixTarget(n.args[0]!)}.get()`;
    case "set": case "send": case "try_send": return `${postfixTarget(n.args[0]!)}.${n.op}(${args[1]})`;
    case "close": return `${postfixTarget(n.args[0]!)}.close()`;
    default: return `${builtinOf[n.op]}(${args.join(", ")})`;
  }
}

/** An operand of `.field`, `[i]` or `.method()`: parenthesised unless it binds as tightly. */
function postfixTarget(e: Expr): string {
  const tight = ["Var", "Call", "Field", "Index", "MethodCall", "GenericMethodCall", "Tuple", "Unit", "Str", "Binary", "Prim", "Apply"].includes(e.kind); // (a concat or string_eq prints in parentheses)
  return tight ? show(e) : `(${show(e)})`;
}

/** Whether a record literal appears outside brackets, where in a condition its `{` would start the body. */
function bareRecord(e: Node): boolean {
  switch (e.kind) {
    case "RecordLit": case "GenericRecordLit": return true;
    case "Binary": return bareRecord(e.left) || bareRecord(e.right);
    case "Unary": return bareRecord(e.arg);
    case "Field": return bareRecord(e.target);
    case "Index": return bareRecord(e.target);
    case "MethodCall": case "GenericMethodCall": return bareRecord(e.target);
    case "Prim": return e.op === "get" || e.op === "set" ? bareRecord(e.args[0]!) : false;
    default: return false;
  }
}

/** A string literal with the escapes of the lexer. */
export function stringLiteral(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code === 0) out += "\\0";
    else if (code < 32 || code === 127) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

const indent = (text: string) => text.replace(/^(?=.)/gm, "    ");

/** `[T, U: Ord]` after a generic item's name. */
const typeParams = (tparams: readonly (Lsrc.TypeParam | Ltyped.TypeParam)[]) => `[${tparams.map(show).join(", ")}]`;

/** `Name` alone, or `Name(a, b)` when there are arguments (constructors, their patterns). */
const applied = (name: string, args: readonly Node[]) => (args.length === 0 ? name : `${name}(${args.map(show).join(", ")})`);

function match(n: Lsrc.Match | Ltyped.Match): string {
  if (n.arms.length === 0) return `match ${condition(n.scrutinee)} {}`;
  return `match ${condition(n.scrutinee)} {\n${n.arms.map((a) => indent(`${show(a)},`)).join("\n")}\n}`;
}

function block(b: Lsrc.Block | Ltyped.Block): string {
  if (b.stmts.length === 0) return "{}";
  return `{\n${b.stmts.map((s) => indent(show(s))).join("\n")}\n}`;
}

/** An expression where a `{` would start a body: a block goes in parentheses. */
const condition = (e: Expr): string => (e.kind === "Block" || bareRecord(e) ? `(${show(e)})` : show(e));

function show(n: Node): string {
  switch (n.kind) {
    case "Program": return n.items.filter((item) => item.kind !== "Module" && item.kind !== "Imported").map(show).join("\n\n") + "\n";
    case "Module": return "";
    // Lmodules: the program's own file (an imported module's file is its own text).
    case "Imported": return "";
    case "ModuleHeader": return `module ${n.name}`;
    case "Use": return `use ${n.path.join(".")}${n.names.length > 0 ? `.{${n.names.map(show).join(", ")}}` : ""}`;
    case "Import": return n.name;
    case "Pub": return `pub ${show(n.item)}`;
    case "Const": return `const ${n.name}: ${n.type} = ${show(n.value)}`;
    case "Fn": return `fn ${n.name}(${n.params.map(show).join(", ")})${n.ret === null ? "" : ` -> ${n.ret}`} ${block(n.body)}`;
    case "GenericFn": return `fn ${n.name}${typeParams(n.tparams)}(${n.params.map(show).join(", ")})${n.ret === null ? "" : ` -> ${n.ret}`} ${block(n.body)}`;
    case "TypeParam": return n.bounds.length === 0 ? n.name : `${n.name}: ${n.bounds.join(" + ")}`;
    case "Union": return `union ${n.name} { ${n.ctors.map(show).join(", ")} }`;
    case "GenericUnion": return `union ${n.name}${typeParams(n.tparams)} { ${n.ctors.map(show).join(", ")} }`;
    case "Ctor": return applied(n.name, n.fields);
    case "GenericRecord": return `record ${n.name}${typeParams(n.tparams)} { ${n.fields.map(show).join(", ")} }`;
    case "Param": return n.name === "self" && n.type === "Self" ? "self" : `${n.name}: ${n.type}`;
    case "Impl": return `impl${n.tparams.length > 0 ? typeParams(n.tparams) : ""} ${n.type} {\n${n.methods.map((m) => indent(show(m))).join("\n")}\n}`;
    case "ProtocolImpl": return `impl${n.tparams.length > 0 ? typeParams(n.tparams) : ""} ${n.protocol} for ${n.type} {\n${n.methods.map((m) => indent(show(m))).join("\n")}\n}`;
    case "Protocol": return `protocol ${n.name} {\n${n.sigs.map((m) => indent(show(m))).join("\n")}\n}`;
    case "Sig": return `fn ${n.name}(${n.params.map(show).join(", ")})${n.ret === null ? "" : ` -> ${n.ret}`}`;
    // Ltyped keeps no protocol: a method is written back in an impl of its own type.
    case "Method": return `impl ${n.type} {\n${indent(`fn ${n.name}(${["self", ...n.params.slice(1).map(show)].join(", ")}) -> ${n.ret} ${block(n.body)}`)}\n}`;
    case "GenericMethod": { // (the impl's type parameters are those its type names; the rest are the method's own)
      const [impl, own] = [n.tparams.filter((t) => namesParam(n.type, t.name)), n.tparams.filter((t) => !namesParam(n.type, t.name))];
      return `impl${impl.length > 0 ? typeParams(impl) : ""} ${n.type} {\n${indent(`fn ${n.name}${own.length > 0 ? typeParams(own) : ""}(${["self", ...n.params.slice(1).map(show)].join(", ")}) -> ${n.ret} ${block(n.body)}`)}\n}`;
    }
    case "Block": return block(n);
    case "Using": return `using ${n.name} = ${show(n.init)}`;
    case "Let": return `${n.decl} ${n.name}${n.type === null ? "" : `: ${n.type}`} = ${show(n.init)}`;
    case "Assign": return `${n.name} ${n.op} ${show(n.value)}`;
    case "While": return `while ${condition(n.cond)} ${block(n.body)}`;
    case "For": return `for ${n.name} in ${condition(n.from)}..${condition(n.to)} ${block(n.body)}`;
    case "ForEach": return `for ${n.name} in ${condition(n.iter)} ${block(n.body)}`;
    case "ForChan": return `for ${n.name} in ${condition(n.chan)} ${block(n.body)}`;
    case "SetField": return `${n.name}.${n.path.join(".")} ${n.op} ${show(n.value)}`;
    case "SetIndex": return `${postfixTarget(n.array)}[${show(n.index)}] ${n.op} ${show(n.value)}`;
    case "Record": return `record ${n.name} { ${n.fields.map(show).join(", ")} }`;
    case "TypeAlias": return `type ${n.name} = ${n.type}`;
    case "FieldDecl": return `${n.name}: ${n.type}`;
    case "FieldInit": return `${n.name}: ${show(n.value)}`;
    case "Tuple": return `(${n.elems.map(show).join(", ")})`;
    case "Field": return `${postfixTarget(n.target)}.${n.field}`;
    case "Index": return `${postfixTarget(n.target)}[${show(n.index)}]`;
    case "RecordLit": return `${n.name} { ${n.inits.map(show).join(", ")} }`;
    case "GenericRecordLit": return `${n.type.replace(/\[.*$/, "")} { ${n.inits.map(show).join(", ")} }`;
    case "MethodCall": case "GenericMethodCall": return `${postfixTarget(n.target)}.${n.method}(${n.args.map(show).join(", ")})`;
    case "Break": return "break";
    case "Continue": return "continue";
    case "Return": return n.value === null ? "return" : `return ${show(n.value)}`;
    case "ExprStmt": return show(n.expr);
    case "Int": return String(n.value);
    case "Bool": return String(n.value);
    case "Unit": return "()";
    case "Str": return stringLiteral(n.value);
    case "Var": return n.name;
    // `a < b` on Strings is `string_cmp(a, b) < 0` in Ltyped.
    case "Binary": return n.left.kind === "Prim" && n.left.op === "string_cmp" ? `(${show(n.left.args[0]!)} ${n.op} ${show(n.left.args[1]!)})` : `(${show(n.left)} ${n.op} ${show(n.right)})`;
    // `-5` would read back as the literal -5, not as `-` applied to 5.
    case "Unary": return n.arg.kind === "Int" && n.arg.value >= 0n ? `${n.op}(${show(n.arg)})` : `${n.op}${show(n.arg)}`;
    case "If": return `if ${condition(n.cond)} ${block(n.then)}${n.else === null ? "" : ` else ${show(n.else)}`}`;
    case "Call": return `${n.callee}(${n.args.map(show).join(", ")})`;
    case "Prim": return primitive(n);
    case "Construct": return applied(n.ctor, n.args);
    case "GenericCall": return `${n.callee}(${n.args.map(show).join(", ")})`;
    case "FnInstance": return n.name;
    case "Lambda": return `fn(${n.params.map(show).join(", ")})${n.ret === null ? "" : ` -> ${n.ret}`} ${block(n.body)}`;
    // `r.f(x)` is a method call: a field called is written `(r.f)(x)`.
    case "Apply": return `${n.callee.kind === "Field" ? `(${show(n.callee)})` : postfixTarget(n.callee)}(${n.args.map(show).join(", ")})`;
    case "Try": return `try ${show(n.value)}`;
    case "Scope": return `scope ${block(n.body)}`;
    case "Spawn": return `spawn ${block(n.body)}`;
    case "Channel": return `channel[${n.elem}](${show(n.cap)})`;
    case "Recv": return `${postfixTarget(n.chan)}.recv()`;
    case "Match": return match(n);
    case "Arm": return `${show(n.pattern)}${n.guard === null ? "" : ` if ${show(n.guard)}`} => ${show(n.body)}`;
    case "Wildcard": return "_";
    case "Binder": return n.name;
    case "IntPat": return String(n.value);
    case "BoolPat": return String(n.value);
    case "StrPat": return stringLiteral(n.value);
    case "TuplePat": return `(${n.elems.map(show).join(", ")})`;
    case "CtorPat": return applied(n.ctor, n.args);
    default: return unreachable(n);
  }
}

/** The source text of a program (or of any node of Lsrc or Ltyped). */
export function quastraSource(node: Node): string {
  return show(node);
}
