// The meaning of Quastra's Int operations (brief, section 7), written once.
// Every interpreter, the constant folder and the runtime model use these, so
// they cannot disagree about wrapping, division or shifts.

export const INT_MIN = -(1n << 63n);
export const INT_MAX = (1n << 63n) - 1n;

/** Wraps an integer to 64-bit two's complement. */
export const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);

/** A Quastra panic: `panic: <message>` on stderr, exit status 101. */
export class Panic extends Error {
  constructor(readonly panicMessage: string) {
    super(`panic: ${panicMessage}`);
  }
}

/** `exit(code)`: the program stops with this status. */
export class Exit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

export function divide(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Panic("division by zero");
  return wrap(a / b); // BigInt division truncates toward zero; MIN / -1 wraps to MIN
}

export function remainder(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Panic("division by zero");
  return wrap(a % b); // sign of the dividend; MIN % -1 is 0
}

/** Binary operators on Ints and Bools (Bools as JS booleans). */
export function binary(op: string, a: bigint | boolean, b: bigint | boolean): bigint | boolean {
  if (typeof a === "boolean" || typeof b === "boolean") {
    switch (op) {
      case "==": return a === b;
      case "!=": return a !== b;
      case "&": return Boolean(a) && Boolean(b);
      case "|": return Boolean(a) || Boolean(b);
      case "^": return a !== b;
      case "&&": return Boolean(a) && Boolean(b);
      case "||": return Boolean(a) || Boolean(b);
      // `false < true` (Lsrc only: check-types writes them with ! & |)
      case "<": return !a && Boolean(b);
      case "<=": return !a || Boolean(b);
      case ">": return Boolean(a) && !b;
      case ">=": return Boolean(a) || !b;
    }
    throw new Error(`binary ${op} is not defined on Bool`);
  }
  switch (op) {
    case "+": return wrap(a + b);
    case "-": return wrap(a - b);
    case "*": return wrap(a * b);
    case "/": return divide(a, b);
    case "%": return remainder(a, b);
    case "&": return a & b;
    case "|": return a | b;
    case "^": return a ^ b;
    case "<<": return wrap(a << BigInt.asUintN(6, b));
    case ">>": return a >> BigInt.asUintN(6, b);
    case "==": return a === b;
    case "!=": return a !== b;
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    case ">=": return a >= b;
  }
  throw new Error(`unknown binary operator ${op}`);
}

export function unary(op: string, a: bigint | boolean): bigint | boolean {
  if (op === "!") {
    if (typeof a !== "boolean") throw new Error("! expects a Bool");
    return !a;
  }
  if (typeof a !== "bigint") throw new Error(`unary ${op} expects an Int`);
  if (op === "-") return wrap(-a);
  if (op === "~") return ~a;
  throw new Error(`unknown unary operator ${op}`);
}

/** Parses one line of input as `read_int` does (brief §6): else Panic("bad input"). */
export function parseInputLine(line: string): bigint {
  const text = line.replace(/\r$/, "").replace(/^[ \t]+|[ \t]+$/g, "");
  if (!/^-?[0-9]+$/.test(text)) throw new Panic("bad input");
  const v = BigInt(text);
  if (v < INT_MIN || v > INT_MAX) throw new Panic("bad input");
  return v;
}

/** Binary operators on Strings, as the runtime does them: `+` joins them, `==` and `!=`
 * compare their bytes, `<`, `<=`, `>`, `>=` order them as compareBytes does. */
export function stringBinary(op: string, a: string, b: string): string | boolean {
  if (op === "+") return a + b;
  const order = compareBytes(a, b);
  switch (op) {
    case "==": return order === 0n;
    case "!=": return order !== 0n;
    case "<": return order < 0n;
    case "<=": return order <= 0n;
    case ">": return order > 0n;
    case ">=": return order >= 0n;
  }
  throw new Error(`binary ${op} is not defined on String`);
}

/** How string a orders against b (`a < b` is `compareBytes(a, b) < 0`): -1, 0 or 1, byte by
 * byte (of their UTF-8), unsigned, a prefix first, as qn_string_cmp does on both targets. */
export const compareBytes = (a: string, b: string): bigint => BigInt(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
