// What every IL node looks like at run time: a plain frozen object with a string
// `kind` naming its production, one property per field of that production, and
// optionally `loc`, the source span it came from (not part of any grammar).

/** A span of source text: 1-based line and column, length in characters. */
export interface Loc {
  readonly line: number;
  readonly col: number;
  readonly length: number;
}

export interface AnyNode {
  readonly kind: string;
  readonly loc?: Loc;
  readonly [field: string]: unknown;
}

export function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { kind?: unknown }).kind === "string";
}
