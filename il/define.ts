// The IL machinery, part 1: how an intermediate language is written down as data.
//
// An IL is a name, a one-line purpose, its terminals and its nonterminals. Each
// nonterminal lists productions; a production is a node kind plus a *template*
// that says, at once, which fields the node has, what they hold, how the node is
// printed and how it reads as BNF:
//
//     If: "if <cond:Expr> <then:Block>< else |else:Block?>"
//
// A hole is `<name:Type>`; `Type?` may be null, `Type*SEP` is a list printed
// with SEP between items (SEP "\n" prints one item per indented line). A hole
// may start with a prefix ending in `|`, printed only when the field is present
// (`< else |else:Block?>`), and end with a suffix after a `|`, printed only
// then too (`<(|args:Expr*, |)>`: `Nil` without arguments, `Cons(1, Nil)`
// with). Everything outside holes is literal text.
//
// Most ILs are written as an extension of the IL before them (`extendIL`): what
// they remove, what they add. Everything else (node types, validator, printer,
// BNF, traversal) is derived from this one definition.

export type Arity = "one" | "optional" | "many";

export interface Field {
  readonly name: string;
  readonly type: string; // a terminal or nonterminal name
  readonly arity: Arity;
  readonly separator: string; // for "many"
  readonly prefix: string; // printed before a present optional or non-empty list
  readonly suffix: string; // printed after it
}

export type TemplatePart = { readonly text: string } | { readonly field: Field };

export interface Production {
  readonly kind: string;
  readonly nonterminal: string;
  readonly template: string;
  readonly parts: readonly TemplatePart[];
  readonly fields: readonly Field[];
}

/** A terminal's value read at some position of a text, and where its text ends. */
export interface Reading {
  readonly value: unknown;
  readonly end: number;
}

export interface Terminal {
  readonly name: string;
  readonly describe: string; // shown in BNF and in validator messages
  readonly tsType: string; // the TypeScript type of its values
  readonly test: (value: unknown) => boolean;
  /** The values whose printed text starts at `at` in `text` (most often one, or none).
   * The reader (il/read.ts) keeps those that pass `test`. */
  readonly read: (text: string, at: number) => readonly Reading[];
  readonly values?: readonly string[]; // for enumerations
  /** How a value is printed, when not as it is (a symbol the assembler must see quoted). */
  readonly show?: (value: unknown) => string;
}

/** A property every program of the IL has that the grammar alone cannot say. */
export interface Invariant {
  readonly says: string;
  /** null when the program satisfies it; otherwise where and how it fails. */
  readonly check: (program: unknown) => { path: string; message: string } | null;
}

export interface IL {
  readonly name: string;
  readonly purpose: string;
  readonly parent: IL | null;
  readonly entry: string;
  readonly terminals: ReadonlyMap<string, Terminal>;
  /** nonterminal -> the nonterminals it includes wholesale (`Expr ::= Atom | ...`) */
  readonly includes: ReadonlyMap<string, readonly string[]>;
  /** nonterminal -> its own productions, in order */
  readonly productions: ReadonlyMap<string, readonly Production[]>;
  readonly kinds: ReadonlyMap<string, Production>;
  readonly invariants: readonly Invariant[];
  /** Against the parent: kinds added, removed and changed (a new template or
   * nonterminal), and nonterminals renamed ([old, new]). */
  readonly delta: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly string[];
    readonly renamed: readonly (readonly [string, string])[];
  };
}

/** A nonterminal's definition: its productions (kind -> template), or a list that
 * may also name other nonterminals to include. */
export type NonterminalDef = Readonly<Record<string, string>> | readonly (string | Readonly<Record<string, string>>)[];

export interface ILDef {
  readonly name: string;
  readonly purpose: string;
  readonly entry: string;
  readonly terminals: Readonly<Record<string, Terminal>>;
  readonly grammar: Readonly<Record<string, NonterminalDef>>;
  readonly invariants?: readonly Invariant[];
}

export interface ILDelta {
  readonly name: string;
  readonly purpose: string;
  readonly entry?: string;
  /** terminals added or redefined */
  readonly terminals?: Readonly<Record<string, Terminal>>;
  /** nonterminals of the parent called by a new name here (old name -> new), with
   * their productions; every hole of the old type becomes one of the new. Applied
   * first: `remove` and `add` name the renamed grammar. */
  readonly rename?: Readonly<Record<string, string>>;
  /** node kinds, or whole nonterminals, that this IL no longer has */
  readonly remove?: readonly string[];
  /** productions (and includes) added to existing or new nonterminals; a kind
   * that the parent has is replaced (and counts as changed), and moves to the
   * nonterminal it is added to */
  readonly add?: Readonly<Record<string, NonterminalDef>>;
  readonly invariants?: readonly Invariant[];
  /** invariants of the parent that no longer hold, by their `says` text */
  readonly dropInvariants?: readonly string[];
}

// ---------------------------------------------------------------- terminals

const i64min = -(1n << 63n);
const i64max = (1n << 63n) - 1n;

/** A terminal's reader from a regular expression: the text it matches at `at`, made a value. */
export function readMatch(pattern: RegExp, value: (text: string) => unknown = (text) => text): Terminal["read"] {
  const sticky = new RegExp(pattern.source, "y");
  return (text, at) => {
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    return m ? [{ value: value(m[0]), end: at + m[0].length }] : [];
  };
}

/** A name the compiler may have made: an identifier with dot-separated parts
 * (x.3, i.2.next, str.7; a fresh name may start with a digit, 0.4). */
const dottedPattern = /(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+(?=\.))(?:\.[A-Za-z0-9_]+|\/[A-Za-z_][A-Za-z0-9_]*)*/; // (`/`: a module's item, geo.shapes/area)
const whole = (pattern: RegExp) => new RegExp(`^(?:${pattern.source})$`);
const matches = (pattern: RegExp) => {
  const all = whole(pattern);
  return (v: unknown) => typeof v === "string" && all.test(v);
};
const labelPattern = /[A-Za-z_.$](?:[A-Za-z0-9_.$]|\/(?=[A-Za-z_]))*/;

export const terminal = {
  int: {
    name: "int",
    describe: "a 64-bit integer",
    tsType: "bigint",
    test: (v: unknown) => typeof v === "bigint" && v >= i64min && v <= i64max,
    // Printed in decimal; hexadecimal (0x1f) is read too, for programs written by hand.
    read: readMatch(/-?(?:0x[0-9a-fA-F]+|[0-9]+)/, (text) => (text.startsWith("-") ? -BigInt(text.slice(1)) : BigInt(text))),
  },
  name: { name: "name", describe: "an identifier, maybe with dot-separated parts (x.3, i.2.next)", tsType: "string", test: matches(dottedPattern), read: readMatch(dottedPattern) },
  /** A terminal of names spelled as `pattern` matches, read greedily (ir-defs/names.ts). */
  names(describe: string, pattern: RegExp): Terminal {
    return { name: "name", describe, tsType: "string", test: matches(pattern), read: readMatch(pattern) };
  },
  label: { name: "label", describe: "a block label", tsType: "string", test: matches(labelPattern), read: readMatch(labelPattern) },
  string: {
    name: "string",
    describe: "a string literal",
    tsType: "string",
    test: (v: unknown) => typeof v === "string",
    // Printed as a JSON string literal, escapes and all.
    read: readJsonString,
  },
  bool: { name: "bool", describe: "true or false", tsType: "boolean", test: (v: unknown) => typeof v === "boolean", read: readMatch(/true|false/, (text) => text === "true") },
  count: {
    name: "count",
    describe: "a natural number",
    tsType: "number",
    test: (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0,
    read: readMatch(/[0-9]+/, Number),
  },
  oneOf(name: string, values: readonly string[], describe?: string): Terminal {
    const set = new Set(values);
    return {
      name,
      describe: describe ?? values.map((v) => JSON.stringify(v)).join(" | "),
      tsType: values.map((v) => JSON.stringify(v)).join(" | "),
      test: (v: unknown) => typeof v === "string" && set.has(v),
      // Every value that starts here (`<` and `<<`): what follows tells them apart.
      read: (text, at) => values.filter((v) => text.startsWith(v, at)).map((v) => ({ value: v, end: at + v.length })),
      values,
    };
  },
} as const;

const jsonString = /"(?:[^"\\\n]|\\.)*"/y;

function readJsonString(text: string, at: number): Reading[] {
  jsonString.lastIndex = at;
  const m = jsonString.exec(text);
  try {
    return m ? [{ value: JSON.parse(m[0]) as string, end: at + m[0].length }] : [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------- templates

// The prefix may hold `>` (as in `< -> |ret:type?>`) but not `<` or `|`; a list's
// separator and the suffix hold neither `<`, `>` nor `|`.
const hole = /<([^<|]*?\|)?([A-Za-z_][A-Za-z0-9_]*):([A-Za-z_][A-Za-z0-9_]*)(\?|\*[^<>|]*)?(\|[^<>|]*)?>/g;

export function parseTemplate(template: string): { parts: TemplatePart[]; fields: Field[] } {
  const parts: TemplatePart[] = [];
  const fields: Field[] = [];
  let last = 0;
  for (const m of template.matchAll(hole)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    const marker = m[4] ?? "";
    const field: Field = {
      name: m[2]!,
      type: m[3]!,
      arity: marker === "" ? "one" : marker === "?" ? "optional" : "many",
      separator: marker.startsWith("*") ? marker.slice(1) : "",
      prefix: m[1] ? m[1].slice(0, -1) : "",
      suffix: m[5] ? m[5].slice(1) : "",
    };
    fields.push(field);
    parts.push({ field });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return { parts, fields };
}

// ---------------------------------------------------------------- building ILs

function normalise(def: NonterminalDef): { includes: string[]; productions: [string, string][] } {
  const items = Array.isArray(def) ? def : [def];
  const includes: string[] = [];
  const productions: [string, string][] = [];
  for (const item of items as (string | Record<string, string>)[]) {
    if (typeof item === "string") includes.push(item);
    else productions.push(...Object.entries(item));
  }
  return { includes, productions };
}

function build(
  name: string,
  purpose: string,
  parent: IL | null,
  entry: string,
  terminals: Map<string, Terminal>,
  includes: Map<string, string[]>,
  productions: Map<string, Production[]>,
  invariants: Invariant[],
  renamed: readonly (readonly [string, string])[] = [],
): IL {
  const kinds = new Map<string, Production>();
  for (const [nt, list] of productions) {
    for (const p of list) {
      if (kinds.has(p.kind)) throw new Error(`${name}: kind ${p.kind} is defined twice (in ${kinds.get(p.kind)!.nonterminal} and ${nt})`);
      kinds.set(p.kind, p);
    }
  }
  // Every field names a known terminal or nonterminal; every include a nonterminal.
  const known = (t: string) => terminals.has(t) || productions.has(t);
  for (const p of kinds.values()) {
    const seen = new Set<string>();
    for (const f of p.fields) {
      if (!known(f.type)) throw new Error(`${name}: ${p.kind}.${f.name} has unknown type ${f.type}`);
      if (f.name === "kind" || f.name === "loc" || seen.has(f.name)) throw new Error(`${name}: ${p.kind} has a bad or repeated field name ${f.name}`);
      seen.add(f.name);
    }
  }
  for (const [nt, list] of includes) for (const inc of list) if (!productions.has(inc)) throw new Error(`${name}: ${nt} includes unknown ${inc}`);
  if (!productions.has(entry)) throw new Error(`${name}: entry ${entry} is not a nonterminal`);
  // A form counts as changed when it differs from the parent's, renamed as this IL renames.
  const rename = renamer(new Map(renamed));
  const parentKinds = new Map([...(parent ? parent.kinds : new Map<string, Production>())].map(([k, p]) => [k, rename(p)]));
  const added = [...kinds.keys()].filter((k) => !parentKinds.has(k));
  const removed = [...parentKinds.keys()].filter((k) => !kinds.has(k));
  const changed = [...kinds.keys()].filter((k) => {
    const old = parentKinds.get(k);
    return old !== undefined && (old.template !== kinds.get(k)!.template || old.nonterminal !== kinds.get(k)!.nonterminal);
  });
  return Object.freeze({ name, purpose, parent, entry, terminals, includes, productions, kinds, invariants, delta: { added, removed, changed, renamed } });
}

/** A production as it reads once nonterminals are renamed (old name -> new): its own and its holes' types. */
function renamer(names: ReadonlyMap<string, string>): (p: Production) => Production {
  if (names.size === 0) return (p) => p;
  return (p) => {
    const template = p.template.replace(hole, (whole, prefix: string | undefined, field: string, type: string, marker: string | undefined) =>
      names.has(type) ? `<${prefix ?? ""}${field}:${names.get(type)}${marker ?? ""}>` : whole,
    );
    return { kind: p.kind, nonterminal: names.get(p.nonterminal) ?? p.nonterminal, template, ...parseTemplate(template) };
  };
}

function addNonterminals(
  into: { includes: Map<string, string[]>; productions: Map<string, Production[]> },
  grammar: Readonly<Record<string, NonterminalDef>>,
  move = false,
): void {
  for (const [nt, def] of Object.entries(grammar)) {
    const { includes, productions } = normalise(def);
    const list = [...(into.productions.get(nt) ?? [])];
    for (const [kind, template] of productions) {
      const { parts, fields } = parseTemplate(template);
      const at = list.findIndex((p) => p.kind === kind);
      const production: Production = { kind, nonterminal: nt, template, parts, fields };
      if (at >= 0) list[at] = production;
      else {
        // In an extension, a kind of another nonterminal moves here.
        if (move) for (const [other, others] of into.productions) if (other !== nt) into.productions.set(other, others.filter((p) => p.kind !== kind));
        list.push(production);
      }
    }
    into.productions.set(nt, list);
    into.includes.set(nt, [...(into.includes.get(nt) ?? []), ...includes.filter((i) => !(into.includes.get(nt) ?? []).includes(i))]);
  }
}

/** Define an IL from scratch (the first one). */
export function defineIL(def: ILDef): IL {
  const terminals = new Map(Object.entries(def.terminals));
  const into = { includes: new Map<string, string[]>(), productions: new Map<string, Production[]>() };
  addNonterminals(into, def.grammar);
  return build(def.name, def.purpose, null, def.entry, terminals, into.includes, into.productions, [...(def.invariants ?? [])]);
}

/** Define an IL as its parent, renamed, minus some forms plus others. */
export function extendIL(parent: IL, delta: ILDelta): IL {
  const terminals = new Map(parent.terminals);
  for (const [k, t] of Object.entries(delta.terminals ?? {})) terminals.set(k, t);
  const names = new Map(Object.entries(delta.rename ?? {}));
  for (const old of names.keys()) if (!parent.productions.has(old)) throw new Error(`${delta.name}: cannot rename ${old}: ${parent.name} has no such nonterminal`);
  const newName = (nt: string) => names.get(nt) ?? nt;
  const rename = renamer(names);
  const removed = new Set(delta.remove ?? []);
  const includes = new Map<string, string[]>();
  const productions = new Map<string, Production[]>();
  for (const [old, list] of parent.productions) {
    const nt = newName(old);
    if (removed.has(nt)) continue;
    productions.set(nt, list.filter((p) => !removed.has(p.kind)).map(rename));
    includes.set(nt, (parent.includes.get(old) ?? []).map(newName).filter((i) => !removed.has(i)));
  }
  addNonterminals({ includes, productions }, delta.add ?? {}, true);
  const dropped = new Set(delta.dropInvariants ?? []);
  const invariants = [...parent.invariants.filter((i) => !dropped.has(i.says)), ...(delta.invariants ?? [])];
  const entry = delta.entry ?? newName(parent.entry);
  return build(delta.name, delta.purpose, parent, entry, terminals, includes, productions, invariants, [...names]);
}

/** All node kinds a nonterminal admits, its includes followed transitively. */
export function kindsOf(il: IL, nonterminal: string): string[] {
  const out: string[] = [];
  const visit = (nt: string, seen: Set<string>) => {
    if (seen.has(nt)) return;
    seen.add(nt);
    for (const inc of il.includes.get(nt) ?? []) visit(inc, seen);
    for (const p of il.productions.get(nt) ?? []) out.push(p.kind);
  };
  visit(nonterminal, new Set());
  return out;
}

/** Whether a production is a postfix form: its template starts with a hole of its own
 * nonterminal (`<target:Expr>.<field:field>`, `<target:Expr>[<index:Expr>]`). */
export function isPostfix(il: IL, p: Production): boolean {
  const first = p.parts[0];
  return first !== undefined && "field" in first && first.field.arity === "one" && il.productions.has(first.field.type) && kindsOf(il, first.field.type).includes(p.kind);
}

/** Whether a node of this production, as a postfix form's first part, is written in
 * parentheses: its template ends with a hole of a nonterminal, which would read on through
 * the postfix (`(-x).show()` unwritten would read as `-(x.show())`, and
 * `(if c { a } else { b }).m()` as an if whose else is `{ b }.m()`). */
export function groupedAsTarget(il: IL, p: Production): boolean {
  const last = p.parts[p.parts.length - 1];
  return last !== undefined && "field" in last && last.field.arity !== "many" && !last.field.suffix && il.productions.has(last.field.type);
}
