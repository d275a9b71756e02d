// How many columns text takes on a terminal: CJK ideographs, fullwidth forms
// and emoji take two, a combining accent none. Positions (`line:col`) count
// UTF-16 code units all the same; only where things are drawn depends on the
// width (the explorer's columns, a caret under a character).

import { eastAsianWidth } from "get-east-asian-width";

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
 * rest 1. (Controls, tabs included, count 0: escape or expand them first.) */
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
