// The names of the constructs the generator writes (props/realize.ts and
// realize-data.ts add them as they write them): the coverage test expects
// each in a sample, and `qnano props` reports how many a run covered.
import { defaultGenerator, type GeneratorOptions } from "./generator-unions.js";
import { boolOps, compareOps, intAssignOps, intOps } from "./skeleton.js";
import { methodConstructs } from "./realize-methods.js";
import { kernelConstructs } from "./realize-kernels.js";
import { recordKernelConstructs } from "./realize-record-kernels.js";

/** Every construct the generator can produce: the coverage test expects each in a sample. */
export const allConstructs: readonly string[] = [
  "variable Int", "variable Bool", "variable Unit", "read_int", "edge value", "const", "const String",
  "unary -", "unary ~", "unary !",
  ...intOps.map((op) => `binary ${op}`),
  ...compareOps.map((op) => `binary ${op} Int`),
  ...boolOps.map((op) => `binary ${op} Bool`),
  "if-else Int", "if-else Bool", "if-else Unit", "else if", "if without else", "if statement",
  "block value Int", "block value Bool", "block value Unit",
  "never branch (panic)", "never branch (break)", "never branch (continue)",
  "let", "let mut", "let with type", "shadowing",
  ...intAssignOps.map((op) => `assign ${op}`),
  "while", "while over a flag", "for", "for up to MAX", "for from a variable", "for printing its counter times a literal", "break", "continue",
  "/ by a power of two", "% by a power of two", "/ by 1 to 16", "% by 1 to 16",
  "print Int", "print Bool", "assert", "exit", "panic", "assignment inside an expression", "side effect before a value", "side effect before a place", "assignment to what an earlier operand read",
  "call Int", "call Bool", "call Unit", "call with arguments", "call through a variable",
  "return with a value", "return without a value", "fn without a result", "fn after main", "call as a function's result", "call ending main", "recursive function", "tail-recursive function",
  // Strings.
  "string literal", "string escape", "string \\u{..} escape", "string non-ASCII", "variable String",
  "string +", "binary == String", "binary != String", "print String", "len String",
  "if-else String", "block value String", "call String", "assign String", "string rebuilt in a loop", "panic with a computed message",
  "string_byte", "string_slice", "write_string", "input_line",
  // Types.
  "record", "type alias", "type declared after main", "let with a heap type", "let with an alias type",
  "tuple of 2", "tuple of 3", "record literal", "record literal out of order", "tuple field", "record field",
  "array(n, init)", "empty array", "big array", "array of negative length", "array of computed length", "array of a variable's length",
  "array index", "computed index", "index from any Int", "len Array",
  "array of Bool", "empty or big array of Bool", "Bool element read", "Bool element assign", "index walk one past the end of an array of Bool",
  "Box(v)", "Box get", "Box set",
  "array of records", "array of arrays", "array of strings", "record holding an array", "record holding a string",
  "tuple in a record", "record in a record", "Box of a record", "Box of an array", "tuple holding a heap value",
  // Using them.
  "variable heap value", "if-else heap value", "block value heap value", "call heap value", "field of a call's result",
  "field update", "nested field update", "compound field update", "tuple field update", "field update whose value reassigns the variable",
  "array element assign", "compound array element assign", "array element assign whose value reassigns the array", "array element assign whose value reassigns the index", "for each over an array in scope", "for each over a new array", "index walk over an array", "index loop over an array", "index walk changing each element", "index walk one past the end",
  ...kernelConstructs, ...recordKernelConstructs,
  "alias an array", "alias a Box", "alias a Box made with a literal", "copy a record or tuple, then change the copy",
  "assign heap variable", "heap value dropped unused", "heap assignment inside an expression",
  "String parameter", "heap parameter", "call with a String argument", "call with a heap argument", "fn returning a String", "fn returning a heap value",
  // Anonymous functions (realize-closures.ts).
  "anonymous function", "anonymous function with parameters", "anonymous function capturing a variable", "closure capturing a String or heap value", "closure capturing a closure",
  "closure in a variable", "captured variable assigned before the call", "anonymous function called where it is made", "closure passed to a function", "closure returned from a function",
  "closure in a Box", "closure in an array", "closure in a tuple", "fn item passed as a value", "let of an anonymous function", "call of a closure in a variable",
];

/** What the generator's `unions` switch adds (props/realize-unions.ts, realize-match.ts). */
export const unionConstructs: readonly string[] = [
  // Declarations.
  "union", "recursive union", "generic union", "recursive generic union", "union and record holding each other", "generic record",
  "generic fn", "generic fn with two type parameters",
  "generic union at two lists of type arguments", "generic record at two lists of type arguments", "generic fn at two lists of type arguments", "fold over a recursive union", "generic fold over a recursive union", "fold through a record and a union",
  // Values.
  "constructor without fields", "constructor with fields", "recursive constructor", "Option value", "Result value", "generic record literal",
  "let typed to fix a type argument", "value given its type by a let", "union value printed",
  // Calls.
  "unwrap", "unwrap_or", "is_some", "is_none", "is_ok", "is_err", "prelude method", "abs", "generic call", "generic call whose result does not fix a type argument",
  "try", "try of a call", "try through two calls",
  // Anonymous functions with unions and generics (realize-closures.ts).
  "closure capturing a union value", "closure over a type parameter", "closure in a union, matched on",
  // match.
  ...["Int", "Bool", "Unit", "String", "heap value"].map((t) => `match ${t}`),
  ...["union", "Option", "Result", "tuple", "Int", "Bool", "String"].map((t) => `match on ${t}`),
  "match on a variable", "match on a match",
  "match as a let's value", "match as an argument", "match as an operand", "match as a function's result", "match in a guard",
  "constructor pattern", "nested pattern", "tuple pattern", "Int literal pattern", "negative Int literal pattern", "Bool literal pattern", "String literal pattern",
  "binder pattern", "wildcard pattern", "final wildcard", "constructors matched in another order",
  "guard", "guard with a side effect", "arm that breaks", "arm that continues", "arm that returns",
];

/** The constructs the generator makes with these switches. */
export const constructsFor = (options: GeneratorOptions = defaultGenerator): readonly string[] =>
  [...(options.unions ? [...allConstructs, ...unionConstructs, ...methodConstructs] : allConstructs), ...(options.modules ? moduleConstructs : [])];

/** What the generator's `modules` switch adds (props/generator-modules.ts). */
export const moduleConstructs: readonly string[] = ["program of two modules", "item imported from a module", "impl in a module", "qualified use of a module's item", "private items of one name in two modules of one last segment"];
