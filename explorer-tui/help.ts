// The explorer's help: every key and what the marks beside each pass mean, as
// the help overlay (`?`) shows them and the README lists them (a test holds
// the README to this table, another each key to the reducer).

/** Every key the explorer knows, as the help overlay and the README list them. */
export const keyHelp: readonly (readonly [string, string])[] = [
  ["n  →  l", "next pass"],
  ["N  ←  h", "previous pass"],
  ["c  C", "next / previous pass that changed the program"],
  ["u", "hide / show the passes that changed nothing"],
  [":", "jump to a pass: its number, or part of its name or IL, Enter"],
  ["p", "view: the program after the selected pass"],
  ["d", "view: diff against the previous pass (- before, + after)"],
  ["b", "view: the grammar (BNF) of the output IL, + added, ~ changed"],
  ["a", "view: the final assembly, linked to the source lines"],
  ["o", "view: what its interpreter printed, beside the source's"],
  ["j  ↓  k  ↑", "move the cursor; lines from its source line are marked ┃"],
  ["PgDn space  PgUp", "a page down / up"],
  ["g  G", "top / bottom"],
  ["]  [", "next / previous change (in the program and diff views)"],
  ["}  {", "scroll right / left, for long lines"],
  ["/", "search the view: type, Enter"],
  [">  <", "next / previous match (also ctrl-n / ctrl-p)"],
  ["f", "the next function alone (then the whole program again)"],
  ["F", "the functions by module: j k, Enter shows one alone"],
  ["t", "toggle the target (x86_64 / aarch64)"],
  ["T", "both targets side by side (or one)"],
  ["w", "the pass list: names, numbers only, or hidden"],
  ["r", "reload the file (it reloads by itself when saved)"],
  ["Esc", "cancel typing, clear the message"],
  ["?", "this help: keys and marks (j k scroll, other keys close)"],
  ["q  ctrl-c", "quit"],
];

/** What the marks beside each pass mean (the help shows them too). */
export const legend: readonly (readonly [string, string])[] = [
  ["✓", "its IL's interpreter gives the same output, status, panic"],
  ["✗", "it gives something else (o shows what), or the pass failed"],
  ["·", "its interpreter (or the pass) is still running"],
  ["?", "reads input and has none (FILE.in, --stdin), or an interpreter gave up"],
  ["•", "the pass changed the printed program"],
  ["┃", "a line from the same source line as the cursor's"],
  ["ms", "the time the pass took (on a wide screen)"],
];

/** The help's lines: every key, then what the marks mean. */
export function helpLines(): readonly string[] {
  const keyWidth = Math.max(...keyHelp.map(([k]) => k.length)) + 2;
  return [
    ...keyHelp.map(([keys, what]) => ` ${keys.padEnd(keyWidth)}${what}`),
    "",
    " the marks beside each pass:",
    ...legend.map(([mark, what]) => ` ${mark.padEnd(keyWidth)}${what}`),
  ];
}

