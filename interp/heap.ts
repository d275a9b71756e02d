// A model of the heap of spec/heap.md, shared by every interpreter from Llayout
// down to the machine models, as the runtime's allocator is shared by every
// compiled program. An object is made by alloc, allocArray or string; a
// reference to it is its address, a bigint, as on the machine.
//
// The words of an object are read and written by byte offset, as compiled code
// does, at the offsets of ir-defs/heap-layout.ts: the reference count, the
// info word, then the fields (or an array's or string's length and elements). A word holds whatever the
// interpreter stores there: a bigint on the machine models, a boolean or a
// function value in the interpreters above them. An array of Bool (kind bytes)
// holds a byte an element: its elements are read and written one byte at a
// time (an access of size 1), every other word of every object 8 bytes at a
// time; an access of the wrong size, or between two elements, is an error of
// the compiler, as it would read or write the wrong bytes on the machine.
//
// Counts: retain and release are what `inc` and `dec` do (Lrc and below). An
// object whose count reaches zero is freed, and releases what it refers to;
// any later use of it is an error of the compiler, thrown as a JavaScript
// Error (so a property that runs the program fails), never a Quastra panic.
// `live` says how many objects are not yet freed, for the leak check. An odd
// word is a union's immediate (ir-defs/heap-layout.ts), no object: counting
// leaves it alone, as the runtime does.
//
// A channel (kind 4) is an object too, counted like the others; the state the
// scheduler keeps for it (interp/scheduler.ts) hangs on the object, and when
// the channel is freed the values still in its buffer are released.

import { arrayBytes, channelBytes, countOffset, elementSizeOf, elementsOffset, fieldsInfo, infoOffset, isImmediate, kinds, lengthOffset, maxArrayLength, maxChannelCapacity, payloadOffset, staticCount, wordBytes } from "../ir-defs/heap-layout.js";
import { Panic } from "../ir-defs/semantics.js";

/** The longest array the model itself can hold (2^26 elements, 512 MiB in a real program).
 * Asked for one longer that the runtime might still make, the model gives up with a
 * BeyondTheModel: what happens then depends on the machine's memory, which the model does not know. */
const modelArrayLength = 1n << 26n;

/** The program asked for what the model cannot say (an array that may or may not fit in memory): no outcome, and no bug. */
export class BeyondTheModel extends Error {
  override name = "BeyondTheModel";
}

/** What `array(n, x)` of elements of `size` bytes does before making anything: panics as the runtime's qn_array does, or gives up. */
export function checkArrayLength(length: bigint, size: bigint): void {
  if (length < 0n) throw new Panic("index out of bounds");
  if (length > maxArrayLength(size)) throw new Panic("out of memory");
  if (length > modelArrayLength) throw new BeyondTheModel(`the heap model cannot make an array of ${length} elements`);
}

/** `a + b` of two strings, as qn_concat makes it. One longer than the model holds (2^26
 * units, as an array; a JavaScript string holds 2^29 at most) gives up with a BeyondTheModel:
 * a string doubled on every turn of a loop crashed the interpreters. */
export function concatenated(a: string, b: string): string {
  if (a.length + b.length > Number(modelArrayLength)) throw new BeyondTheModel(`the model cannot make a string of ${a.length + b.length} characters`);
  return a + b;
}

/** What the heap must see of a channel's state: the values in its buffer, oldest first. */
export interface ChannelBuffer {
  readonly buffer: Iterable<unknown>;
}

/** What `channel(cap)` does before making anything: panics as the runtime's qn_channel does, or gives up. */
export function checkChannelCapacity(cap: bigint): void {
  if (cap < 0n) throw new Panic("bad channel capacity");
  if (cap > maxChannelCapacity) throw new Panic("out of memory");
  if (cap > modelArrayLength) throw new BeyondTheModel(`the heap model cannot make a channel of capacity ${cap}`);
}

interface HeapObject {
  rc: bigint;
  readonly info: bigint;
  /** Fields, or an array's elements. */
  readonly slots: unknown[];
  /** A string's text. */
  readonly text: string | null;
  /** Its size in bytes (spec/heap.md), counted while it is live. */
  readonly bytes: number;
  readonly isStatic: boolean;
  /** A channel's state (kind 4). */
  readonly channel?: ChannelBuffer;
  freed: boolean;
}

const base = 0x10_0000_0000n;

/** What an object refers to, and so releases when it is freed: the reference fields of
 * a fields object, an array's elements when they are references, a channel's buffered values. */
function referencesOf(o: HeapObject): unknown[] {
  const kind = o.info & 0xffn;
  const mask = o.info >> 16n;
  if (kind === kinds.fields) return o.slots.filter((_, i) => (mask >> BigInt(i)) & 1n);
  if (kind === kinds.array && (o.info >> 8n) & 1n) return o.slots;
  if (kind === kinds.channel && (o.info >> 8n) & 1n) return [...(o.channel?.buffer ?? [])];
  return [];
}
/** What a byte holds once stored: a number's low 8 bits (a Bool is 0 or 1), any other value (true, false) as it is. */
const byte = (value: unknown): unknown => (typeof value === "bigint" ? value & 0xffn : value);
const utf8Length = (text: string): number => Buffer.byteLength(text, "utf8");

export class Heap {
  /** counted: references are counted (Lrc and below), so a value a routine drops (a try_send that did not send) is released. */
  constructor(readonly counted = false) {}

  private readonly objects: HeapObject[] = [];
  private readonly literals = new Map<string, bigint>();
  private readonly closures = new Map<string, bigint>();
  private liveObjects = 0;
  private liveBytes = 0;

  private add(o: Omit<HeapObject, "freed">): bigint {
    this.objects.push({ ...o, freed: false });
    if (!o.isStatic) {
      this.liveObjects++;
      this.liveBytes += o.bytes;
    }
    return base + (BigInt(this.objects.length - 1) << 32n);
  }

  /** The index in `objects` of the object an address points into (its high 32 bits, counted from base). */
  private static indexOf(address: bigint): number {
    return Number((address - base) >> 32n);
  }

  /** The object an address points into, and the byte offset into it. */
  private find(address: unknown, what: string): [HeapObject, number] {
    if (typeof address !== "bigint" || address < base) throw new Error(`${what}: ${String(address)} is not a reference to a heap object`);
    const o = this.objects[Heap.indexOf(address)];
    if (o === undefined) throw new Error(`${what}: no object at ${address}`);
    if (o.freed) throw new Error(`${what}: the object at ${address} has been freed (a reference count went to zero too early)`);
    return [o, Number(address & 0xffff_ffffn)];
  }

  /** qn_alloc: a new fields object of `bytes` bytes, rc 1; its fields are 0 until stored. */
  alloc(bytes: bigint, info: bigint): bigint {
    const n = (Number(bytes) - payloadOffset) / wordBytes;
    return this.add({ rc: 1n, info, slots: new Array<unknown>(n).fill(0n), text: null, bytes: Number(bytes), isStatic: false });
  }

  /** qn_array: `length` copies of `init`; when they are references, init's count goes up by length. */
  allocArray(length: bigint, init: unknown, info: bigint): bigint {
    const size = elementSizeOf(info);
    checkArrayLength(length, size);
    if ((info & 0xffn) === kinds.array && (info >> 8n) & 1n && length > 0n && !isImmediate(init)) this.find(init, "array")[0].rc += length;
    const slots = new Array<unknown>(Number(length)).fill(size === 1n ? byte(init) : init);
    return this.add({ rc: 1n, info, slots, text: null, bytes: Number(arrayBytes(length, size)), isStatic: false });
  }

  /** qn_concat and every string made while running: rc 1. */
  string(text: string): bigint {
    return this.add({ rc: 1n, info: kinds.string, slots: [], text, bytes: elementsOffset + utf8Length(text), isStatic: false });
  }

  /** qn_channel: a channel of capacity `cap`, rc 1, with the scheduler's `state` for it. */
  channel(cap: bigint, info: bigint, state: ChannelBuffer): bigint {
    checkChannelCapacity(cap);
    return this.add({ rc: 1n, info, slots: [], text: null, bytes: channelBytes(Number(cap)), isStatic: false, channel: state });
  }

  /** The state of the channel at `address` (as the scheduler gave it). */
  channelState(address: unknown): ChannelBuffer {
    const [o] = this.find(address, "channel");
    if (o.channel === undefined) throw new Error(`${String(address)} is not a channel`);
    return o.channel;
  }

  /** A string literal: made once per text, never freed, not counted as live. */
  literal(text: string): bigint {
    let address = this.literals.get(text);
    if (address === undefined) {
      address = this.add({ rc: staticCount, info: kinds.string, slots: [], text, bytes: elementsOffset + utf8Length(text), isStatic: true });
      this.literals.set(text, address);
    }
    return address;
  }

  /** The static closure of the function `code` (one that captures nothing): made once per
   * function, never freed, not counted as live, as a string literal. `word` is what its code
   * field holds: a function value in the interpreters, its code's address on the machine models. */
  staticClosure(code: string, word: unknown): bigint {
    let address = this.closures.get(code);
    if (address === undefined) {
      address = this.add({ rc: staticCount, info: fieldsInfo("0"), slots: [word], text: null, bytes: payloadOffset + wordBytes, isStatic: true });
      this.closures.set(code, address);
    }
    return address;
  }

  text(address: unknown): string {
    const [o] = this.find(address, "string");
    if (o.text === null) throw new Error(`${String(address)} is not a string`);
    return o.text;
  }

  /** The word at a byte address, or with `size` 1 the byte (an element of an array of bytes). */
  load(address: unknown, size = 8n): unknown {
    const [o, offset] = this.find(address, "load");
    if (offset < elementsOffset || size !== 1n) {
      if (offset === countOffset) return this.word(o, offset, size, "load") && o.rc;
      if (offset === infoOffset) return this.word(o, offset, size, "load") && o.info;
      const payload = (o.info & 0xffn) === kinds.fields ? payloadOffset : elementsOffset;
      if (offset === lengthOffset && payload === elementsOffset) return o.text === null ? BigInt(o.slots.length) : BigInt(utf8Length(o.text));
    }
    return o.slots[this.slot(o, offset, size, "load")];
  }

  /** Stores a word at a byte address, or with `size` 1 a byte (a bigint keeps its low 8 bits, as movb and strb do). */
  store(address: unknown, value: unknown, size = 8n): void {
    const [o, offset] = this.find(address, "store");
    if (offset === countOffset && typeof value === "bigint" && this.word(o, offset, size, "store")) {
      o.rc = value; // compiled code may count by loads and stores (x86-64 and AArch64 inc)
      return;
    }
    o.slots[this.slot(o, offset, size, "store")] = size === 1n ? byte(value) : value;
  }

  /** True, when an access of `size` bytes at `offset` (below the elements) reads a whole word; else an error. */
  private word(o: HeapObject, offset: number, size: bigint, what: string): true {
    if (size !== BigInt(wordBytes)) throw new Error(`${what} of ${size} byte(s) at byte ${offset} of an object of kind ${o.info & 0xffn}: that is a word`);
    return true;
  }

  /** The slot that an access of `size` bytes at `offset` reaches: a field or an element of the object's own size. */
  private slot(o: HeapObject, offset: number, size: bigint, what: string): number {
    const bytes = (o.info & 0xffn) === kinds.bytes;
    const payload = (o.info & 0xffn) === kinds.fields ? payloadOffset : elementsOffset;
    if (size !== (bytes ? 1n : BigInt(wordBytes))) throw new Error(`${what} of ${size} byte(s) at byte ${offset} of ${bytes ? "an array of bytes" : `an object of kind ${o.info & 0xffn}, whose words are 8 bytes`}`);
    const i = (offset - payload) / (bytes ? 1 : wordBytes);
    if (o.text !== null || !Number.isInteger(i) || i < 0 || i >= o.slots.length) throw new Error(`${what} at byte ${offset} is outside the object`);
    return i;
  }

  /** `inc`: one more reference. */
  retain(address: unknown): void {
    if (isImmediate(address)) return; // a union's constructor without fields: no object
    this.find(address, "inc")[0].rc++;
  }

  /** `dec` (qn_release): one reference less; at zero the object is freed, and
   * what it refers to released, with a worklist rather than recursion. */
  release(address: unknown): void {
    const work = [address];
    while (work.length > 0) {
      const next = work.pop();
      if (isImmediate(next)) continue; // no object: nothing to count
      const [o] = this.find(next, "dec");
      if (--o.rc > 0n) continue;
      if (o.rc < 0n) throw new Error("dec of an object whose count is already zero");
      o.freed = true;
      this.liveObjects--;
      this.liveBytes -= o.bytes;
      for (const r of referencesOf(o)) work.push(r); // (not push(...): an array may have millions)
    }
  }

  /** Whether every object still live is held only by other live objects, each count
   * exactly the references they hold to it: garbage kept by the program's own cycles
   * (through a Box or an Array: the one leak the language allows), not a count that a
   * pass left too high (an `inc` too many, a `dec` missing: a count no object accounts for). */
  heldOnlyByEachOther(): boolean {
    const held = new Map<number, bigint>();
    for (const o of this.objects) {
      if (o.freed || o.isStatic) continue;
      for (const r of referencesOf(o)) {
        if (typeof r !== "bigint" || isImmediate(r) || r < base) continue;
        const at = Heap.indexOf(r);
        held.set(at, (held.get(at) ?? 0n) + 1n);
      }
    }
    return this.objects.every((o, at) => o.freed || o.isStatic || o.rc === (held.get(at) ?? 0n));
  }

  /** When main returns every reference is gone: each string literal's and static closure's count must
   * be back where it started. (Its count never reaches zero, so this is how a missing inc or dec of one shows.) */
  checkLiterals(): void {
    const statics = [...[...this.literals].map(([text, a]) => [`string literal ${JSON.stringify(text)}`, a] as const), ...[...this.closures].map(([code, a]) => [`static closure of ${code}`, a] as const)];
    for (const [what, address] of statics) {
      const [o] = this.find(address, "literal");
      if (o.rc !== staticCount) throw new Error(`the count of the ${what} is off by ${o.rc - staticCount} when main returns`);
    }
  }

  /** Objects made and not yet freed (string literals aside), and their bytes. */
  live(): { objects: number; bytes: number } {
    return { objects: this.liveObjects, bytes: this.liveBytes };
  }
}
