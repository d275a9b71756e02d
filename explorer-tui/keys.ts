// Ink's (input, key) pair to the key names the reducer reads: a printable
// character as itself, else a name ("right", "pagedown", "return", "ctrl-n").
// Keys typed fast (or pasted) can reach Ink as one chunk of text ("/tmp\r"):
// that becomes one name per character.

import type { Key } from "ink";

const controls: Record<string, string> = { "\r": "return", "\n": "return", "\x7f": "backspace", "\b": "backspace", "\x1b": "escape", "\t": "tab" };

export function keyNames(input: string, key: Key): string[] {
  if (key.upArrow) return ["up"];
  if (key.downArrow) return ["down"];
  if (key.leftArrow) return ["left"];
  if (key.rightArrow) return ["right"];
  if (key.pageUp) return ["pageup"];
  if (key.pageDown) return ["pagedown"];
  if (key.home) return ["home"];
  if (key.end) return ["end"];
  if (key.return) return ["return"];
  if (key.escape) return ["escape"];
  if (key.backspace || key.delete) return ["backspace"];
  if (key.tab) return ["tab"];
  if (key.ctrl && input.length === 1) return [`ctrl-${input.toLowerCase()}`];
  return [...input].map((c) => controls[c] ?? c);
}
