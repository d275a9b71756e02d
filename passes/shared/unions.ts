// A program's unions by name, for the passes that read or build a union's
// values by its constructors. The prelude's Option and Result are looked up
// here too, by position (Some then None, Ok then Err, as the prelude declares
// them), never by the names `Some` or `Ok`: where the program's own file
// declares a constructor of that name, the prelude's is `prelude.Some`
// (spec/symbols.md).

export function unionsByName<I extends { readonly kind: string }>(items: readonly I[]): Map<string, Extract<I, { readonly kind: "Union" }>> {
  type Union = Extract<I, { readonly kind: "Union" }> & { readonly name: string };
  return new Map(items.flatMap((i) => (i.kind === "Union" ? [[(i as Union).name, i as Union] as const] : [])));
}
