// What every IL node looks like at run time: a plain frozen object with a string
// `kind` naming its production, one property per field of that production, and
// optionally `loc`, the source span it came from (not part of any grammar).

/** A span of source text: 1-based line and column, length in characters; `file` names the
 * file when it is not the program's own (an imported module's, resolve-modules). */
export interface Loc {
  readonly line: number;
  readonly col: number;
  readonly length: number;
  readonly file?: string;
}

export interface AnyNode {
  readonly kind: string;
  readonly loc?: Loc;
  readonly [field: string]: unknown;
}

/** The default of a switch on `kind` that covers every case: if a case is
 * forgotten, `value` is not `never` and the type checker says so. Should a
 * value come anyway (a node made by hand), it names its kind. */
export function unreachable(value: never): never {
  const kind = (value as { kind?: unknown } | null)?.kind;
  throw new Error(`unexpected ${typeof kind === "string" ? kind : String(value)}`);
}

export function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { kind?: unknown }).kind === "string";
}

/** Whether `test` holds of some object of a term (plain data: its arrays and objects, locs
 * aside), the outermost first; it stops at the first that it holds of. */
export function someObject(value: unknown, test: (object: Readonly<Record<string, unknown>>) => boolean): boolean {
  if (Array.isArray(value)) return value.some((v) => someObject(v, test));
  if (typeof value !== "object" || value === null) return false;
  const object = value as Record<string, unknown>;
  if (test(object)) return true;
  for (const key in object) if (key !== "loc" && typeof object[key] === "object" && someObject(object[key], test)) return true;
  return false;
}

/** A term with every `loc` left out (a copy): to compare programs read from different
 * text, or to keep positions that would point into another file. */
export function withoutLoc(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLoc);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "loc") out[k] = withoutLoc(v);
  return out;
}

/** Whether two terms are the same apart from their locs (shared subterms are not walked again).
 * Terms are plain data: an object of any other class (a Map, a Set) is only the same as itself. */
export function sameTerm(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a).filter((k) => k !== "loc");
  if (keys.length !== Object.keys(b).filter((k) => k !== "loc").length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameTerm((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function isPlain(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}
