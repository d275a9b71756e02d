// How text from a source file is shown on a terminal: by diagnostics, and by
// anything else that echoes source text (the explorer).
//
// A source file may hold any character. Shown raw, a control character is an
// order to the terminal: an escape sequence in a comment or a string can
// retitle the window (`ESC ] 0 ;`) or clear it (`ESC [ 2 J`). And the
// invisible bidirectional-text controls reorder what is shown, so that code
// reads differently from what it is ("Trojan Source"). Both are shown as
// escapes, in the language's own notation: `\u{1b}`.
//
// And how wide text is on a terminal, to put a caret under a character (and
// for the explorer, to lay out its columns):
// CJK ideographs, fullwidth forms and emoji take two columns, a combining
// accent none. Positions (`line:col`) count UTF-16 code units all the same;
// only where things are drawn depends on the width.

import { eastAsianWidth } from "get-east-asian-width";

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

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
/** A character that takes room: not a combining mark, format or control character. */
const visible = /[^\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/u;
/** A whole emoji, sequences included (flags, families, skin tones, keycaps). */
const emoji = new RegExp("^\\p{RGI_Emoji}$", "v");

/** The columns one character as the reader sees it (a grapheme cluster) takes. */
export function clusterWidth(cluster: string): number {
  const base = cluster.search(visible);
  if (base < 0) return 0; // only marks or invisible characters
  if (emoji.test(cluster) || cluster.includes("\ufe0f")) return 2; // emoji, or text shown as emoji
  return eastAsianWidth(cluster.codePointAt(base)!); // Wide and Fullwidth: 2 (Ambiguous: 1)
}

/** How many terminal columns the text takes: East Asian Wide and Fullwidth
 * characters and emoji 2, combining marks and invisible characters 0, the
 * rest 1. (Controls, tabs included, count 0: escape them first.) */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
  return width;
}

/** The text split into characters as the reader sees them (grapheme clusters). */
export function clusters(text: string): string[] {
  if (/^[\x20-\x7e]*$/.test(text)) return [...text];
  return Array.from(graphemes.segment(text), (s) => s.segment);
}
