// From a source file's bytes to its text. Source is UTF-8 (brief, section 1):
// a byte that cannot be part of UTF-8 text, or a character cut short, is an
// error at its position, not silently replaced by U+FFFD (which would end up,
// unseen, in the program's strings). A byte-order mark at the start is
// skipped, as editors write one.

import type { Diagnostic } from "./diagnostics.js";

const strict = new TextDecoder("utf-8", { fatal: true }); // skips a leading byte-order mark
const strictKeepingMarks = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of a source file; with an invalid byte, the diagnostics and the
 * text with each invalid sequence shown as one U+FFFD (to show the line). */
export function decodeSource(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: strict.decode(bytes), diagnostics: [] };
  } catch {
    return decodeReportingErrors(bytes, file);
  }
}

/** How many bytes the well-formed sequence starting with `lead` has, and the
 * range its second byte must be in (Unicode, table 3-7); 0 when `lead` starts none. */
function sequenceOf(lead: number): { length: number; low: number; high: number } {
  if (lead < 0x80) return { length: 1, low: 0, high: 0 };
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf }; // no overlong forms
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f }; // no surrogates
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f }; // nothing above U+10FFFF
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  return { length: 0, low: 0, high: 0 };
}

/** A message lists at most this many of the bytes in a run. */
const maxListed = 8;
const hex = (b: number) => `0x${b.toString(16).padStart(2, "0")}`;

function decodeReportingErrors(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  const parts: string[] = [];
  // Each run of invalid bytes: where it starts in the text, its bytes, how many U+FFFD show it.
  const bad: { offset: number; start: number; end: number; shown: number }[] = [];
  let textLength = 0;
  let runStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let i = runStart;
  const endRun = (end: number) => {
    const run = strictKeepingMarks.decode(bytes.subarray(runStart, end));
    parts.push(run);
    textLength += run.length;
  };
  while (i < bytes.length) {
    const { length, low, high } = sequenceOf(bytes[i]!);
    // The longest start of a well-formed sequence (its "maximal subpart").
    let k = 1;
    while (k < length && i + k < bytes.length) {
      const b = bytes[i + k]!;
      if (b < (k === 1 ? low : 0x80) || b > (k === 1 ? high : 0xbf)) break;
      k++;
    }
    if (length > 0 && k === length) {
      i += length;
      continue;
    }
    endRun(i);
    // Invalid bytes in a row are one problem: one diagnostic, one U+FFFD per maximal subpart.
    const last = bad[bad.length - 1];
    if (last && last.end === i) {
      last.end = i + k;
      last.shown++;
    } else bad.push({ offset: textLength, start: i, end: i + k, shown: 1 });
    parts.push("\ufffd");
    textLength += 1;
    i += k;
    runStart = i;
  }
  endRun(bytes.length);
  const text = parts.join("");
  // Offsets in the text to line and column (1-based, UTF-16 code units, as every position).
  const diagnostics: Diagnostic[] = [];
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const b of bad) {
    for (; at < b.offset; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    const count = b.end - b.start;
    const listed = [...bytes.subarray(b.start, Math.min(b.end, b.start + maxListed))].map(hex).join(" ");
    const message = count === 1 ? `invalid UTF-8 byte ${listed}` : `invalid UTF-8 bytes ${listed}${count > maxListed ? ` ... (${count} bytes)` : ""}`;
    diagnostics.push({ file, loc: { line, col: b.offset - lineStart + 1, length: b.shown }, message: `${message}: source files are UTF-8 text` });
  }
  return { text, diagnostics };
}
