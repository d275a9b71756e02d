// The type of an Lshrunk expression, for the passes that bind expressions to new
// variables (remove-complex-operands): a `let` must state its type. After
// uniquify every variable has one `let`, so one table of variable types serves
// the whole program. "Never" is the type of what does not return (panic, exit,
// a block that ends in break or continue); a variable of that type never gets a
// value, and is declared Unit, as check-types does.

import type * as L from "../../ir-defs/generated/Lshrunk.js";
import { Lshrunk } from "../../ir-defs/lshrunk.js";
import { functionType, splitFunctionType } from "../../ir-defs/lsrc.js";
import { forEachNode } from "../il/rewrite.js";

export type TypeName = L.Let["type"];
type ExprType = TypeName | "Never";

/** A variable's declared type, by name. */
export type VariableTypes = (name: string) => TypeName | undefined;

/** The variables' types, read from the program's lets on the first question. */
export function variableTypes(program: L.Program): VariableTypes {
  let types: Map<string, TypeName> | null = null;
  return (name) => {
    if (types === null) {
      types = new Map();
      forEachNode(Lshrunk, program, (node) => {
        if (node.kind === "Let" || node.kind === "Param") types!.set(node.name as string, node.type as TypeName);
        if (node.kind === "Fn") types!.set(node.name as string, functionType((node.params as L.Param[]).map((p) => p.type), node.ret as TypeName));
      });
    }
    return types.get(name);
  };
}

const join = (a: ExprType, b: ExprType): ExprType => (a === "Never" ? b : a);

export function typeOf(e: L.Expr, variables: VariableTypes): ExprType {
  switch (e.kind) {
    case "Int": return "Int";
    case "Bool": return "Bool";
    case "Unit": return "Unit";
    case "Str": return "String";
    case "Var": {
      const t = variables(e.name);
      if (t === undefined) throw new Error(`no type known for ${e.name}`);
      return t;
    }
    case "Binary":
      switch (e.op) {
        case "==": case "!=": case "<": case "<=": case ">": case ">=": return "Bool";
        case "&": case "|": case "^": return join(typeOf(e.left, variables), typeOf(e.right, variables));
        default: return "Int";
      }
    case "Unary": return e.op === "!" ? "Bool" : "Int";
    case "Prim": return e.op === "read_int" ? "Int" : e.op === "exit" || e.op === "panic" ? "Never" : "Unit";
    case "Call": {
      const callee = variables(e.callee);
      const signature = callee === undefined ? null : splitFunctionType(callee);
      if (signature === null) throw new Error(`${e.callee} is not a function`);
      return signature.ret;
    }
    case "If": return join(typeOf(e.then, variables), typeOf(e.else, variables));
    case "Block": {
      const last = e.stmts[e.stmts.length - 1];
      if (last?.kind === "ExprStmt") return typeOf(last.expr, variables);
      return last?.kind === "Break" || last?.kind === "Continue" || last?.kind === "Return" ? "Never" : "Unit";
    }
    default: {
      const never: never = e;
      throw new Error(`unknown expression ${(never as { kind: string }).kind}`);
    }
  }
}

/** The type a new variable holding `e` is declared with. */
export function declaredType(e: L.Expr, variables: VariableTypes): TypeName {
  const t = typeOf(e, variables);
  return t === "Never" ? "Unit" : t;
}
