// A line diff of two printed programs, from their longest common subsequence.
// Common leading and trailing lines are taken off first; what is left in the
// middle is compared with the classic dynamic-programming table while it stays
// small (at most maxCells cells), else shown as removed then added whole.

export type DiffLine = { readonly sign: " " | "-" | "+"; readonly text: string };

export const maxCells = 4_000_000;

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ sign: " ", text: before[i]! });
  out.push(...middle(before.slice(start, endB), after.slice(start, endA)));
  for (let i = endB; i < before.length; i++) out.push({ sign: " ", text: before[i]! });
  return out;
}

function middle(b: readonly string[], a: readonly string[]): DiffLine[] {
  const n = b.length;
  const m = a.length;
  if (n * m > maxCells) return [...b.map((text) => ({ sign: "-" as const, text })), ...a.map((text) => ({ sign: "+" as const, text }))];
  // lcs[i * (m + 1) + j]: length of the LCS of b[i..] and a[j..].
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = b[i] === a[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (b[i] === a[j]) {
      out.push({ sign: " ", text: b[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) out.push({ sign: "-", text: b[i++]! });
    else out.push({ sign: "+", text: a[j++]! });
  }
  while (i < n) out.push({ sign: "-", text: b[i++]! });
  while (j < m) out.push({ sign: "+", text: a[j++]! });
  return out;
}
