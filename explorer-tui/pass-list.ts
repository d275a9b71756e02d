// The explorer's pass list: a row per pass (or per pass that changed the
// program, with u), its meaning mark, whether it changed the program, its name
// or number, and its time on a wide screen; "↑ N more" and "↓ N more" where
// the list does not fit.

import { listed, timesFrom, type State } from "./state.js";
import { fit } from "./text.js";
import type { Trace } from "./trace.js";
import type { Mark } from "./marks.js";
import { paint, painted, type Style } from "./paint.js";

const markOf = (v: Mark | undefined, failed: boolean): { mark: string; color?: Style["color"] } => {
  if (failed) return { mark: "✗", color: "red" };
  if (v === undefined || v === "pending") return { mark: "·" };
  if (v === null) return { mark: " " };
  if (v === "no input") return { mark: "?", color: "yellow" };
  return v.agrees ? { mark: "✓", color: "green" } : v.gaveUp ? { mark: "?", color: "yellow" } : { mark: "✗", color: "red" };
};

/** The pass list's rows, `width` columns each (its border not included). */
export function passList(s: State, trace: Trace, width: number, height: number): string[] {
  const { pass } = s;
  const shown = trace.passes.map((_, i) => i).filter((i) => listed({ trace, pass, hideUnchanged: s.hideUnchanged }, i));
  const n = shown.length;
  const at = Math.max(0, shown.indexOf(pass));
  // When the list does not fit: a row "↑ N more" above it, "↓ N more" below, as needed.
  let first = 0;
  let rows = height;
  if (n > height) {
    rows = height - 1;
    if (at >= rows) {
      first = n - rows; // the end, without "↓"
      if (at < first) {
        rows = height - 2;
        first = at - Math.floor(rows / 2);
      }
    }
  }
  const names = s.list === "names";
  const times = names && s.columns >= timesFrom;
  const nameWidth = width - 4 - (times ? 6 : 0);
  const more = (count: number, arrow: string) => painted(` ${arrow} ${count} more`, width, { dim: true });
  const lines: string[] = [];
  if (first > 0) lines.push(more(first, "↑"));
  for (const i of shown.slice(first, first + rows)) {
    const selected = i === pass;
    const step = trace.steps[i];
    const failed = trace.failure !== null && trace.failure.at === i;
    const base: Style = selected ? { inverse: true, bold: true } : !step && !failed ? { dim: true } : {};
    // After a failure the passes below it never run: no mark.
    const { mark, color } = trace.failure !== null && i > trace.failure.at ? { mark: " " } : markOf(step?.verdict, failed);
    const label = names ? fit(trace.passes[i]!.name, nameWidth) : String(i + 1).padStart(width - 4);
    const ms = step ? (step.ms < 100 ? step.ms.toFixed(1) : String(Math.round(step.ms))) : "";
    lines.push(
      paint([
        { text: selected ? "▸" : " ", style: base },
        { text: mark, style: { ...base, color } },
        { text: step?.changed ? "•" : " ", style: { ...base, color: "yellow" } },
        { text: ` ${label}`, style: base },
        ...(times ? [{ text: ` ${ms.padStart(5)}`, style: { ...base, dim: !selected } }] : []),
      ]),
    );
  }
  if (first + rows < n) lines.push(more(n - first - rows, "↓"));
  while (lines.length < height) lines.push(" ".repeat(width));
  return lines;
}

