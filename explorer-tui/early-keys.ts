// Keys pressed while the explorer opens: Ink and React take most of a second
// to load, and a key pressed meanwhile waited for them (1.2 to 1.4 s on the
// 5,000-line program). Until Ink takes the terminal's input over, the keys are
// read here as Ink reads them (raw mode, 'readable'), parsed by Node's own
// readline into the key names the reducer reads (keys.ts names Ink's), so that
// they act at once on the frames cli/explore.ts draws before Ink is there.

import { emitKeypressEvents, type Key } from "node:readline";
import { PassThrough } from "node:stream";

const named = new Set(["up", "down", "left", "right", "pageup", "pagedown", "home", "end", "return", "escape", "backspace", "tab"]);
const renamed: Record<string, string> = { enter: "return", delete: "backspace" };

/** A key as readline reports it, as the reducer's key names (none for a sequence it has no use for). */
export function keyName(key: Key): string[] {
  const name = key.name === undefined ? undefined : (renamed[key.name] ?? key.name);
  if (key.ctrl && name !== undefined && name.length === 1) return [`ctrl-${name}`];
  if (name !== undefined && named.has(name)) return [name];
  const text = key.sequence ?? "";
  return /^[^\x00-\x1f\x7f]+$/.test(text) ? [...text] : [];
}

/** Reads the terminal's keys (already in raw mode) and hands each to `press`, until the function returned is called. */
export function earlyKeys(press: (key: string) => void): () => void {
  const decoded = new PassThrough();
  emitKeypressEvents(decoded);
  decoded.on("keypress", (_: string, key: Key) => keyName(key).forEach(press));
  const read = () => {
    let chunk: string | null;
    while ((chunk = process.stdin.read() as string | null) !== null) decoded.write(chunk);
  };
  process.stdin.setEncoding("utf8");
  process.stdin.on("readable", read);
  return () => {
    process.stdin.removeListener("readable", read);
    decoded.end();
  };
}
