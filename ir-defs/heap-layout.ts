// The layout of a heap object (spec/heap.md): a fact that the passes, the
// interpreters and the runtime (runtime-asm/*/runtime.s) share. The passes
// read it to place fields and build info words, the heap model
// (interp/heap.ts) to read them back, and the runtime states it in a comment
// that tests/layers.test.ts holds equal to `layoutComment` below.
//
//   word 0   the reference count
//   word 1   the info word: kind in bits 0-7, then per kind
//              fields:  n (how many) in bits 8-15, a mask of which hold references from bit 16
//              array:   bit 8 set when the elements are references
//              string:  nothing
//              bytes:   nothing (an array of Bool: one byte an element, never a reference)
//              channel: bit 8 set when the values it carries are references
//   then     fields (each a word), or an array's or string's length and its elements or bytes
//            (an element is a word, or a byte in an array of Bool),
//            or a channel's capacity, state words and ring buffer
//
// A closure (a function value) is a fields object too: its code's address in
// field 0, which is no reference, then the values it captured, one a field.
//
// A union's value made by a constructor with fields is a fields object: its tag
// (the constructor's position in its union, from 0; only when two constructors
// or more have fields) then its fields, the mask as for a record's. A
// constructor without fields allocates nothing: its value
// is the immediate word tag * 2 + 1. An object's address is a multiple of 8, so
// an odd word is never one: inc, dec, the runtime's release and the heap model
// (interp/heap.ts) leave immediates alone.

/** Byte offsets in every object. */
export const countOffset = 0;
export const infoOffset = 8;
/** Where the payload starts: a fields object's first field, an array's or string's length. */
export const payloadOffset = 16;
/** An array's first element, a string's first byte. */
export const elementsOffset = 24;
export const wordBytes = 8;

/** The byte offset of field `i` of a fields object (record, tuple, box). */
export const fieldOffset = (i: number): number => payloadOffset + wordBytes * i;
/** The byte offset of an array's or string's length. */
export const lengthOffset = payloadOffset;

/** The size in bytes of a fields object with `n` fields. */
export const fieldsBytes = (n: number): number => payloadOffset + wordBytes * n;

/** A union's tag, in a fields object (field 0) when two or more of its constructors make objects. */
export const tagOffset = payloadOffset;

/** How the values of a union whose constructors have these numbers of fields are laid out. */
export function unionLayout(fieldCounts: readonly number[]) {
  const tagged = fieldCounts.filter((n) => n > 0).length > 1;
  return {
    /** Whether its objects hold their tag, before their fields: only when two constructors or more make objects. */
    tagged,
    /** Whether some of its constructors are immediates, so that a value may be one. */
    immediates: fieldCounts.some((n) => n === 0),
    /** Whether exactly one constructor is an immediate and some others make objects: then a value
     * is that immediate exactly when its low bit is 1 (a pointer's is 0), and is tested so. */
    soleImmediate: fieldCounts.filter((n) => n === 0).length === 1 && fieldCounts.some((n) => n > 0),
    /** The byte offset of a constructor's field `i`. */
    fieldOffset: (i: number): number => fieldOffset((tagged ? 1 : 0) + i),
  };
}
/** The value of the constructor without fields whose tag is `tag`. */
export const immediateOf = (tag: number): bigint => BigInt(tag) * 2n + 1n;
/** Whether a word is an immediate (a union's constructor without fields), not a reference. */
export const isImmediate = (word: unknown): boolean => typeof word === "bigint" && (word & 1n) === 1n;

/** The kind in bits 0-7 of the info word. */
export const kinds = { fields: 1n, array: 2n, string: 3n, channel: 4n, bytes: 5n } as const;

/** How many bytes an element of an array of `type` (a source type) takes: a Bool's one byte
 * (0 or 1), any other a word. So an Array[Bool] is an object of kind bytes, its elements read
 * and written a byte at a time; the others are of kind array, a word an element. */
export const elementSize = (type: string): bigint => (type === "Bool" ? 1n : BigInt(wordBytes));

/** The most fields an object may have: the info word holds a 48-bit reference mask. */
export const maxFields = 48;

/** The byte offset of a closure's code (the address of its function). */
export const closureCodeOffset = fieldOffset(0);
/** The byte offset of the i-th value a closure captured. */
export const captureOffset = (i: number): number => fieldOffset(1 + i);
/** The most values a closure may capture: one of its fields is its code. */
export const maxCaptures = maxFields - 1;

/** The info word of a fields object whose fields hold references as `refs` says ("01": the second does). */
export function fieldsInfo(refs: string): bigint {
  let mask = 0n;
  for (let i = 0; i < refs.length; i++) if (refs[i] === "1") mask |= 1n << BigInt(i);
  return kinds.fields | (BigInt(refs.length) << 8n) | (mask << 16n);
}

/** The info word of an array whose elements take `size` bytes (elementSize); `refs` is "1" when
 * they are references (never so for bytes). */
export const arrayInfo = (refs: string, size: bigint): bigint => (size === 1n ? kinds.bytes : kinds.array | (refs === "1" ? 1n << 8n : 0n));
/** The size in bytes of an array of `length` elements of `size` bytes each. */
export const arrayBytes = (length: bigint, size: bigint): bigint => BigInt(elementsOffset) + size * length;
/** How many bytes each element of an array object with this info word takes (kind bytes: 1, kind array: 8). */
export const elementSizeOf = (info: bigint): bigint => ((info & 0xffn) === kinds.bytes ? 1n : BigInt(wordBytes));

/** A channel (runtime-asm/README.md, "Concurrency"): its capacity at 16, then
 * the words of its state (how many values it holds, the oldest one's place,
 * closed, and the queues of waiting receivers and blocked senders), then its
 * ring buffer of `capacity` words from `channelRingOffset`. */
export const channelRingOffset = 80;
/** The size in bytes of a channel of capacity `cap`. */
export const channelBytes = (cap: number): number => channelRingOffset + wordBytes * cap;
/** The info word of a channel; `refs` is "1" when the values it carries are references. */
export const channelInfo = (refs: string): bigint => kinds.channel | (refs === "1" ? 1n << 8n : 0n);
/** The largest capacity: the channel's size, 80 + 8 * capacity, is at most 2^48 bytes. */
export const maxChannelCapacity = ((1n << 48n) - BigInt(channelRingOffset)) / BigInt(wordBytes);

/** The count a string literal starts with: so high that it never reaches zero. */
export const staticCount = 1n << 62n;

/** The longest array of elements of `size` bytes the runtime may make: its size, 24 + size * length,
 * is at most 2^48 bytes. Longer is `out of memory` on every machine; shorter may be too, when memory runs out. */
export const maxArrayLength = (size: bigint): bigint => ((1n << 48n) - BigInt(elementsOffset)) / size;

/** The comment over the runtime's heap routines, in each target's comment syntax. */
export function layoutComment(comment: "#" | "//"): string {
  return [
    `${comment} The heap (spec/heap.md). An object is rc, info, then its payload:`,
    `${comment}   kind ${kinds.fields}, fields:  info = ${kinds.fields} | n << 8 | mask << 16, ${payloadOffset} + ${wordBytes}*n bytes`,
    `${comment}                    (a closure: its code at ${closureCodeOffset}, not a reference, its captures from ${captureOffset(0)})`,
    `${comment}   kind ${kinds.array}, array:   info = ${kinds.array} | r << 8, length at ${lengthOffset}, ${elementsOffset} + ${wordBytes}*length bytes`,
    `${comment}   kind ${kinds.string}, string:  info = ${kinds.string}, length at ${lengthOffset}, bytes from ${elementsOffset}, ${elementsOffset} + length`,
    `${comment}   kind ${kinds.bytes}, bytes:   info = ${kinds.bytes}, an Array[Bool]: length at ${lengthOffset}, a byte an element from ${elementsOffset}, ${elementsOffset} + length`,
    `${comment}   kind ${kinds.channel}, channel: info = ${kinds.channel} | r << 8, capacity at ${lengthOffset}, ring from ${channelRingOffset}, ${channelRingOffset} + ${wordBytes}*capacity bytes`,
    `${comment}   a union's value: a fields object, its tag at ${tagOffset} (if two constructors have fields) then its fields;`,
    `${comment}   or, without fields, the odd word tag*2 + 1,`,
    `${comment}   never an address (a multiple of 8): inc, dec and release leave an odd word alone`,
  ].join("\n");
}
