// Light syntax colour for any printed IL or assembly line: keywords, numbers,
// labels, registers, strings and comments. A line splits into segments; each has a
// colour name that Ink's <Text color> understands, or none.

export interface Segment {
  readonly text: string;
  readonly color?: "magenta" | "yellow" | "cyan" | "green" | "blue" | "gray";
}

const keywords = new Set([
  "fn", "let", "mut", "decl", "const", "if", "else", "while", "for", "in", "loop", "return", "break", "continue", "goto", "true", "false",
]);

const token = /(\/\/.*$|^\s*#.*$)|(\s+)|("(?:[^"\\]|\\.)*")|(%\w+|\$-?\d+)|(^\s*[A-Za-z_.][\w.]*:(?=\s|$))|(-?\b\d+\b)|([A-Za-z_][\w.]*)|([^\sA-Za-z_0-9"%$-]+|.)/g;

export function highlight(line: string): Segment[] {
  const out: Segment[] = [];
  for (const m of line.matchAll(token)) {
    const [text, comment, space, str, register, label, num, word] = m;
    if (comment) out.push({ text, color: "gray" });
    else if (space) out.push({ text });
    else if (str) out.push({ text, color: "green" });
    else if (register) out.push({ text, color: "blue" });
    else if (label) out.push({ text, color: "cyan" });
    else if (num) out.push({ text, color: "yellow" });
    else if (word) out.push(keywords.has(word) ? { text, color: "magenta" } : { text });
    else out.push({ text });
  }
  return out;
}
