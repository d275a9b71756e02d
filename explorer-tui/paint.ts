// Rows of the explorer's screen as strings with their colours: a row is one
// string with the terminal's colour codes (SGR), so the Ink screen
// (screen.tsx) is one text of rows and lays out a node or two instead of one
// per coloured word.

import { fitPieces, type Piece } from "./text.js";

export interface Style {
  readonly color?: keyof typeof colours;
  readonly inverse?: boolean;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly underline?: boolean;
}

const colours = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 } as const;

/** Pieces as one string with the terminal's colour codes (SGR), each piece reset after it. */
export function paint(pieces: readonly Piece<Style>[]): string {
  let out = "";
  for (const { text, style } of pieces) {
    const codes: number[] = [];
    if (style.bold) codes.push(1);
    if (style.dim) codes.push(2);
    if (style.underline) codes.push(4);
    if (style.inverse) codes.push(7);
    if (style.color) codes.push(colours[style.color]);
    out += codes.length === 0 ? text : `\x1b[${codes.join(";")}m${text}\x1b[0m`;
  }
  return out;
}


/** Text fitted to `width` columns, in one style. */
export const painted = (text: string, width: number, style: Style = {}, from = 0) => paint(fitPieces([{ text, style }], width, from, style));
