// How text from a source file is shown on a terminal: by diagnostics, and by
// anything else that echoes source text.
//
// A source file may hold any character. Shown raw, a control character is an
// order to the terminal: an escape sequence in a comment or a string can
// retitle the window (`ESC ] 0 ;`) or clear it (`ESC [ 2 J`). And the
// invisible bidirectional-text controls reorder what is shown, so that code
// reads differently from what it is ("Trojan Source"). Both are shown as
// escapes, in the language's own notation: `\u{1b}`.

/** C0 and C1 controls and DEL, the bidirectional controls, the line and
 * paragraph separators and a byte-order mark (invisible inside a file). */
const unsafe = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/gu;
const unsafeButTab = /[\0-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/gu;

const escape = (c: string): string => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** The text with every control character written as an escape (`\u{1b}`).
 * With `keepTabs`, tabs stay (a source line keeps its indentation). */
export function escapeControls(text: string, keepTabs = false): string {
  return text.replace(keepTabs ? unsafeButTab : unsafe, escape);
}
