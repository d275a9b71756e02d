// Hand-written qn_main for testing the AArch64 runtime's heap routines
// (spec/heap.md; see run.sh). heap_x86_64.s is the same program.
// The first stdin line picks a mode:
//   1  3 rounds of 3000 strings of 24..2123 bytes: fill, check, free
//   2  reuse: a freed block comes back (each size class, LIFO, 1M times)
//   3  arrays of 2 million elements (plain, references); the freed
//      mapping stays in the cache and the next array of its size reuses it
//   4  a chain of N objects (N read from stdin), freed from its head
//   5  release: masks, 48 fields, arrays of references, shared objects
//   6  strings: qn_concat, qn_string_eq, qn_print_string (also 160 KiB)
//   7  qn_panic_string of a literal      8  qn_panic_string of a new string
//   9  branch to qn_index_out_of_bounds
//  10  qn_array(L, 3, 2), L read from stdin: prints its length, last element
//  11  qn_alloc(B, 1), B read from stdin: prints 1
//  12  leaves 4 objects (140 bytes) live, one of them a cycle, returns
//  13  the same, then qn_exit(0)       14  the same, then a panic
//  15  callee-saved registers survive the heap routines
//  16  recursion N deep (N read from stdin): shows how small the stack is
//  17  makes N 32-byte objects (N read from stdin) and keeps them
//  18  R rounds (R, then L, read from stdin): qn_array(L, round), checked,
//      freed; every round must get the first round's address
//  19  the cache of big mappings: sizes, the oldest unmapped, the newest taken
//  20  4 big arrays of L, 2L, 3L, 4L elements made and freed (cached), then
//      one of M elements (L, M read from stdin): prints M and its last
//      element, 7. Made by qn_alloc: their pages are never touched

        .equ RC_LITERAL, 0x4000000000000000
        .equ STR, 3                             // info of a string
        .equ ARR, 2                             // an array of plain values
        .equ ARR_REFS, 0x102                    // an array of references
        .equ LINK, 1 | 1 << 8 | 1 << 16         // one field, a reference
        .equ FIELDS48, 1 | 48 << 8 | 0xffffffffffff << 16  // 48 references
        .equ M1_COUNT, 3000
        .equ SYS_MINCORE, 232

// A string literal: rc 2^62, info 3, the length, the bytes.
.macro LITERAL name, text
        .balign 8
\name:  .quad   RC_LITERAL, STR, 9f - 8f
8:      .ascii  "\text"
9:
.endm

        .data
        LITERAL lit_hello, "hello"
        LITERAL lit_world, ", world"
        LITERAL lit_empty, ""
        LITERAL lit_abc, "abc"
        LITERAL lit_abd, "abd"
        LITERAL lit_ab, "ab"
        LITERAL lit_nul, "a\0b"
        LITERAL lit_nul2, "a\0c"
        LITERAL lit_digits, "0123456789"
        LITERAL lit_cheese, "out of cheese"

        .section .rodata
msg_boom:       .ascii "boom"

        .bss
        .balign 16
table:          .skip 8 * M1_COUNT      // objects of modes 1 and 2
saved_sp:       .skip 8
v1:             .skip 8                 // objects of mode 15
v2:             .skip 8
v3:             .skip 8
mincore_vec:    .skip 64

        .text
        .globl qn_main
qn_main:
        stp     x29, x30, [sp, #-96]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        stp     x21, x22, [sp, #32]
        stp     x23, x24, [sp, #48]
        stp     x25, x26, [sp, #64]
        stp     x27, x28, [sp, #80]
        bl      qn_read_int
        adrp    x9, modes
        add     x9, x9, :lo12:modes
        cmp     x0, #1
        b.lt    bad_mode
        cmp     x0, #20
        b.gt    bad_mode
        sub     x0, x0, #1
        ldr     x9, [x9, x0, lsl #3]
        br      x9
bad_mode:
        mov     x0, #99                 // unknown mode
        bl      qn_exit

        .section .rodata
        .balign 8
modes:  .quad   mode1, mode2, mode3, mode4, mode5, mode6, mode7, mode8
        .quad   mode9, mode10, mode11, mode12, mode13, mode14, mode15, mode16
        .quad   mode17, mode18, mode19, mode20
        .text

.macro PRINT_INT value
        ldr     x0, =\value
        bl      qn_print_int
.endm
.macro PRINT reg
        mov     x0, \reg
        bl      qn_print_int
.endm
.macro PRINT_AT reg, offset             // print the word at reg + offset
        ldr     x0, [\reg, #\offset]
        bl      qn_print_int
.endm
.macro LIT reg, name
        adrp    \reg, \name
        add     \reg, \reg, :lo12:\name
.endm
.macro CONCAT a, b                      // x0 = qn_concat(a, b) (literals)
        LIT     x0, \a
        LIT     x1, \b
        bl      qn_concat
.endm
.macro EQ a, b                          // print_bool(qn_string_eq(a, b))
        mov     x0, \a
        mov     x1, \b
        bl      qn_string_eq
        bl      qn_print_bool
.endm
.macro MINCORE reg                      // print mincore(reg, 4096, vec)
        mov     x0, \reg
        mov     x1, #4096
        LIT     x2, mincore_vec
        mov     x8, #SYS_MINCORE
        svc     #0
        bl      qn_print_int
.endm

// obj_len(i, round) -> (37*i + 101*round) % 2100: mode 1's string lengths.
obj_len:
        mov     x9, #37
        mul     x9, x0, x9
        mov     x10, #101
        madd    x9, x1, x10, x9
        mov     x10, #2100
        udiv    x11, x9, x10
        msub    x0, x11, x10, x9
        ret

mode1:
        mov     x25, #0                 // x25 = damaged objects found
        mov     x24, #0                 // x24 = all addresses or'ed together
        mov     x23, #0                 // x23 = round
        LIT     x26, table              // x26 = table
m1_round:
        mov     x19, #0                 // x19 = i
m1_alloc:                               // table[i] = a string, byte j = 7i + j
        mov     x0, x19
        mov     x1, x23
        bl      obj_len
        mov     x20, x0                 // x20 = its length
        add     x0, x0, #24
        mov     x1, #STR
        bl      qn_alloc
        orr     x24, x24, x0
        str     x0, [x26, x19, lsl #3]
        str     x20, [x0, #16]
        mov     x9, #7
        mul     x9, x19, x9
        add     x10, x0, #24
        mov     x11, #0
1:      cmp     x11, x20
        b.hs    2f
        add     x12, x9, x11
        strb    w12, [x10, x11]
        add     x11, x11, #1
        b       1b
2:      add     x19, x19, #1
        cmp     x19, #M1_COUNT
        b.lo    m1_alloc
        mov     x19, #0
m1_check:                               // every object is still intact
        mov     x0, x19
        mov     x1, x23
        bl      obj_len
        ldr     x1, [x26, x19, lsl #3]
        ldr     x9, [x1]
        cmp     x9, #1
        b.ne    m1_bad
        ldr     x9, [x1, #8]
        cmp     x9, #STR
        b.ne    m1_bad
        ldr     x9, [x1, #16]
        cmp     x9, x0
        b.ne    m1_bad
        mov     x9, #7
        mul     x9, x19, x9
        add     x10, x1, #24
        mov     x11, #0
1:      cmp     x11, x0
        b.hs    m1_good
        add     x12, x9, x11
        and     x12, x12, #255
        ldrb    w13, [x10, x11]
        cmp     x13, x12
        b.ne    m1_bad
        add     x11, x11, #1
        b       1b
m1_bad:
        add     x25, x25, #1
m1_good:
        add     x19, x19, #1
        cmp     x19, #M1_COUNT
        b.lo    m1_check
        mov     x19, #0                 // free the even ones ...
1:      ldr     x0, [x26, x19, lsl #3]
        bl      qn_release
        add     x19, x19, #2
        cmp     x19, #M1_COUNT
        b.lo    1b
        mov     x19, #1                 // ... then the odd ones
1:      ldr     x0, [x26, x19, lsl #3]
        bl      qn_release
        add     x19, x19, #2
        cmp     x19, #M1_COUNT
        b.lo    1b
        add     x23, x23, #1
        cmp     x23, #3
        b.lo    m1_round
        PRINT   x25                     // 0
        and     x24, x24, #15
        PRINT   x24                     // 0: all 16-byte aligned
        b       done

mode2:
        // (a) every size class: the block just freed is the next one made
        mov     x25, #0                 // x25 = failures
        mov     x19, #0                 // x19 = length 0..1000 (24..1024 bytes)
m2_class:
        add     x0, x19, #24
        mov     x1, #STR
        bl      qn_alloc
        str     x19, [x0, #16]
        mov     x20, x0                 // x20 = p
        bl      qn_release
        add     x21, x19, #24+15
        and     x21, x21, #-16          // x21 = p's size rounded: its class
        mov     x0, x21
        mov     x1, #STR
        bl      qn_alloc
        sub     x9, x21, #24
        str     x9, [x0, #16]
        cmp     x0, x20
        b.eq    1f
        add     x25, x25, #1
1:      bl      qn_release
        add     x19, x19, #1
        cmp     x19, #1000
        b.ls    m2_class
        PRINT   x25                     // 0
        // (b) 100 blocks freed come back last freed first
        mov     x25, #0
        LIT     x26, table
        mov     x19, #0
1:      mov     x0, #40
        mov     x1, #1 | 3 << 8
        bl      qn_alloc
        str     x0, [x26, x19, lsl #3]
        add     x19, x19, #1
        cmp     x19, #100
        b.lo    1b
        mov     x19, #0
1:      ldr     x0, [x26, x19, lsl #3]
        bl      qn_release
        add     x19, x19, #1
        cmp     x19, #100
        b.lo    1b
        mov     x19, #0
1:      mov     x0, #40
        mov     x1, #1 | 3 << 8
        bl      qn_alloc
        add     x9, x26, #800
        str     x0, [x9, x19, lsl #3]   // table[100 + i]
        mov     x10, #99
        sub     x10, x10, x19
        ldr     x10, [x26, x10, lsl #3]
        cmp     x0, x10                 // == table[99 - i]?
        b.eq    2f
        add     x25, x25, #1
2:      add     x19, x19, #1
        cmp     x19, #100
        b.lo    1b
        mov     x19, #0
1:      add     x9, x26, #800
        ldr     x0, [x9, x19, lsl #3]
        bl      qn_release
        add     x19, x19, #1
        cmp     x19, #100
        b.lo    1b
        PRINT   x25                     // 0
        // (c) a million objects made and freed one after the other
        mov     x25, #0
        mov     x0, #64
        mov     x1, #1 | 6 << 8
        bl      qn_alloc
        mov     x20, x0                 // x20 = the first one's address
        bl      qn_release
        mov     x19, #0
        ldr     x21, =1000000
1:      mov     x0, #64
        mov     x1, #1 | 6 << 8
        bl      qn_alloc
        cmp     x0, x20
        b.eq    2f
        add     x25, x25, #1
2:      bl      qn_release
        add     x19, x19, #1
        cmp     x19, x21
        b.lo    1b
        PRINT   x25                     // 0
        // (d) a freed 32-byte block is not used for a 48-byte object
        mov     x0, #32
        mov     x1, #1 | 2 << 8
        bl      qn_alloc
        mov     x20, x0                 // x20 = a (32 bytes)
        bl      qn_release
        mov     x0, #48
        mov     x1, #1 | 4 << 8
        bl      qn_alloc
        mov     x21, x0                 // x21 = b (48 bytes)
        cmp     x21, x20
        cset    x0, ne
        bl      qn_print_bool           // true: b is not a
        mov     x0, #32
        mov     x1, #1 | 2 << 8
        bl      qn_alloc
        mov     x22, x0                 // x22 = c (32 bytes)
        cmp     x22, x20
        cset    x0, eq
        bl      qn_print_bool           // true: c is a
        mov     x0, x21
        bl      qn_release
        mov     x0, x22
        bl      qn_release
        b       done

mode3:
        ldr     x0, =2000000            // 2 million 7s
        mov     x1, #7
        mov     x2, #ARR
        bl      qn_array
        mov     x19, x0
        PRINT_AT x19, 16                // 2000000
        mov     x20, #0                 // x20 = their sum
        ldr     x9, =2000000
        add     x10, x19, #24
1:      ldr     x11, [x10], #8
        add     x20, x20, x11
        sub     x9, x9, #1
        cbnz    x9, 1b
        PRINT   x20                     // 14000000
        ldr     x9, =24+8*1999999
        ldr     x0, [x19, x9]
        bl      qn_print_int            // 7
        MINCORE x19                     // 0: mapped
        mov     x0, x19
        bl      qn_release
        MINCORE x19                     // 0: still mapped, in the cache
        CONCAT  lit_hello, lit_world
        mov     x20, x0                 // x20 = s
        ldr     x0, =2000000            // 2 million references to s
        mov     x1, x20
        mov     x2, #ARR_REFS
        bl      qn_array
        mov     x21, x0
        cmp     x21, x19
        cset    x0, eq
        bl      qn_print_bool           // true: the same size reuses the mapping
        PRINT_AT x20, 0                 // 2000001
        ldr     x9, =24+8*1999999
        ldr     x9, [x21, x9]
        cmp     x9, x20
        cset    x0, eq
        bl      qn_print_bool           // true
        mov     x0, x21
        bl      qn_release
        PRINT_AT x20, 0                 // 1
        mov     x0, #0                  // an empty array of references
        mov     x1, x20
        mov     x2, #ARR_REFS
        bl      qn_array
        mov     x21, x0
        PRINT_AT x21, 16                // 0
        PRINT_AT x20, 0                 // 1
        mov     x0, x21
        bl      qn_release
        mov     x0, x20
        bl      qn_print_string         // hello, world
        mov     x0, x20
        bl      qn_release
        b       done

mode4:
        bl      qn_read_int
        mov     x21, x0                 // x21 = N
        LIT     x19, lit_hello          // x19 = the chain so far: a literal,
        ldr     x9, [x19]               // which the first link refers to
        add     x9, x9, #1
        str     x9, [x19]
        mov     x20, #0                 // x20 = links made
m4_loop:
        cmp     x20, x21
        b.hs    m4_built
        tbnz    x20, #0, m4_array
        mov     x0, #24                 // even: a Box holding the chain
        ldr     x1, =LINK
        bl      qn_alloc
        str     x19, [x0, #16]
        mov     x19, x0
        b       m4_next
m4_array:                               // odd: an array [chain]
        mov     x0, #1
        mov     x1, x19
        mov     x2, #ARR_REFS
        bl      qn_array
        mov     x22, x0
        mov     x0, x19                 // the array has its own reference
        bl      qn_release
        mov     x19, x22
m4_next:
        add     x20, x20, #1
        b       m4_loop
m4_built:
        mov     x0, x19
        bl      qn_release              // frees the whole chain
        LIT     x9, lit_hello
        PRINT_AT x9, 0                  // 4611686018427387904: 2^62 again
        b       done

mode5:
        CONCAT  lit_hello, lit_world
        mov     x19, x0                 // x19 = s
        mov     x0, #40                 // (s, 0x1234, s): mask 101
        ldr     x1, =1 | 3 << 8 | 5 << 16
        bl      qn_alloc
        mov     x20, x0
        str     x19, [x20, #16]
        mov     x9, #0x1234             // not a reference: never touched
        str     x9, [x20, #24]
        str     x19, [x20, #32]
        ldr     x9, [x19]
        add     x9, x9, #2
        str     x9, [x19]
        PRINT_AT x19, 0                 // 3
        mov     x0, x20
        bl      qn_release
        PRINT_AT x19, 0                 // 1
        mov     x0, #16 + 8 * 48        // 48 fields, all s
        ldr     x1, =FIELDS48
        bl      qn_alloc
        mov     x20, x0
        mov     x9, #0
1:      add     x10, x20, #16
        str     x19, [x10, x9, lsl #3]
        add     x9, x9, #1
        cmp     x9, #48
        b.lo    1b
        ldr     x9, [x19]
        add     x9, x9, #48
        str     x9, [x19]
        PRINT_AT x19, 0                 // 49
        mov     x0, x20
        bl      qn_release
        PRINT_AT x19, 0                 // 1
        mov     x0, #5                  // plain values that look like
        mov     x1, #0x10               // pointers are not released
        mov     x2, #ARR
        bl      qn_array
        bl      qn_release
        mov     x0, #10                 // an array of 10 new strings
        LIT     x1, lit_empty
        mov     x2, #ARR_REFS
        bl      qn_array
        mov     x20, x0
        mov     x21, #0
1:      add     x22, x20, #24           // replace element i
        add     x22, x22, x21, lsl #3
        ldr     x0, [x22]
        bl      qn_release
        CONCAT  lit_hello, lit_world
        str     x0, [x22]
        add     x21, x21, #1
        cmp     x21, #10
        b.lo    1b
        LIT     x9, lit_empty
        ldr     x0, [x9]
        mov     x9, #RC_LITERAL
        sub     x0, x0, x9
        bl      qn_print_int            // 0: lit_empty's rc is back
        mov     x0, x20
        bl      qn_release              // frees the array and the strings
        mov     x0, #32                 // (s, s), taking over our reference
        ldr     x1, =1 | 2 << 8 | 3 << 16
        bl      qn_alloc
        str     x19, [x0, #16]
        str     x19, [x0, #24]
        ldr     x9, [x19]
        add     x9, x9, #1
        str     x9, [x19]
        bl      qn_release              // frees the pair and s
        CONCAT  lit_hello, lit_hello    // Box([t, t, t]), t dies with it
        mov     x19, x0
        mov     x0, #3
        mov     x1, x19
        mov     x2, #ARR_REFS
        bl      qn_array
        mov     x20, x0
        mov     x0, x19
        bl      qn_release
        mov     x0, #24
        ldr     x1, =LINK
        bl      qn_alloc
        str     x20, [x0, #16]
        bl      qn_release
        mov     x0, #16                 // a fields object with no field
        mov     x1, #1
        bl      qn_alloc
        bl      qn_release
        PRINT_INT 5
        b       done

mode6:
        CONCAT  lit_hello, lit_world
        mov     x19, x0                 // x19 = "hello, world"
        bl      qn_print_string
        LIT     x0, lit_empty
        bl      qn_print_string
        LIT     x0, lit_nul
        bl      qn_print_string
        CONCAT  lit_empty, lit_empty
        mov     x20, x0                 // x20 = ""
        bl      qn_print_string
        CONCAT  lit_hello, lit_world
        mov     x21, x0                 // x21 = another "hello, world"
        EQ      x19, x19                // true
        EQ      x19, x21                // true
        LIT     x22, lit_hello
        LIT     x23, lit_world
        EQ      x22, x23                // false
        EQ      x22, x19                // false
        LIT     x22, lit_abc
        LIT     x23, lit_abd
        EQ      x22, x23                // false
        LIT     x23, lit_ab
        EQ      x23, x22                // false
        LIT     x22, lit_empty
        EQ      x20, x22                // true
        LIT     x22, lit_nul
        LIT     x23, lit_nul2
        EQ      x22, x23                // false
        LIT     x9, lit_hello
        PRINT_AT x9, 0                  // 4611686018427387904
        PRINT_AT x19, 0                 // 1
        CONCAT  lit_digits, lit_empty
        mov     x22, x0                 // x22 = 10 digits, doubled 14 times
        mov     x23, #14
1:      mov     x0, x22
        mov     x1, x22
        bl      qn_concat
        mov     x9, x0
        mov     x0, x22
        mov     x22, x9
        bl      qn_release
        subs    x23, x23, #1
        b.ne    1b
        mov     x0, x22
        bl      qn_print_string         // 163840 digits
        PRINT_AT x22, 16                // 163840
        mov     x0, x19
        bl      qn_release
        mov     x0, x20
        bl      qn_release
        mov     x0, x21
        bl      qn_release
        mov     x0, x22
        bl      qn_release
        b       done

mode7:
        PRINT_INT 5
        LIT     x0, lit_cheese
        bl      qn_panic_string

mode8:
        CONCAT  lit_hello, lit_world
        bl      qn_panic_string

mode9:                                  // as compiled code does for a[i]
        PRINT_INT 6
        b       qn_index_out_of_bounds

mode10:
        bl      qn_read_int
        mov     x1, #3
        mov     x2, #ARR
        bl      qn_array
        mov     x19, x0
        PRINT_AT x19, 16
        ldr     x9, [x19, #16]
        cbz     x9, 1f
        add     x10, x19, #16
        ldr     x0, [x10, x9, lsl #3]   // the last element
        bl      qn_print_int
1:      mov     x0, x19
        bl      qn_release
        b       done

mode11:
        bl      qn_read_int
        mov     x1, #1
        bl      qn_alloc
        PRINT_INT 1
        b       done

leave_garbage:                          // 4 objects, 140 bytes, stay live
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        mov     x0, #32                 // a pair of Ints: 32 bytes
        mov     x1, #1 | 2 << 8
        bl      qn_alloc
        mov     x9, #1
        mov     x10, #2
        stp     x9, x10, [x0, #16]
        mov     x0, #3                  // [0, 0, 0]: 48 bytes
        mov     x1, #0
        mov     x2, #ARR
        bl      qn_array
        CONCAT  lit_hello, lit_world    // 36 bytes
        mov     x0, #24                 // a Box holding itself: 24 bytes
        ldr     x1, =LINK
        bl      qn_alloc
        str     x0, [x0, #16]
        mov     x9, #2
        str     x9, [x0]
        bl      qn_release              // rc 1: the cycle keeps it
        CONCAT  lit_hello, lit_hello    // freed: not counted
        bl      qn_release
        mov     x0, #1000               // freed (cached mapping): not counted
        mov     x1, #0
        mov     x2, #ARR
        bl      qn_array
        bl      qn_release
        PRINT_INT 12
        ldp     x29, x30, [sp], #16
        ret

mode12:
        bl      leave_garbage
        b       done

mode13:
        bl      leave_garbage
        mov     x0, #0
        bl      qn_exit

mode14:
        bl      leave_garbage
        LIT     x0, msg_boom
        mov     x1, #4
        bl      qn_panic

.macro SET_REGS
        ldr     x19, =0x1919191919191919
        ldr     x20, =0x2020202020202020
        ldr     x21, =0x2121212121212121
        ldr     x22, =0x2222222222222222
        ldr     x23, =0x2323232323232323
        ldr     x24, =0x2424242424242424
        ldr     x25, =0x2525252525252525
        ldr     x26, =0x2626262626262626
        ldr     x27, =0x2727272727272727
        ldr     x28, =0x2828282828282828
        ldr     x29, =0x2929292929292929
.endm
.macro CHECK reg, value
        ldr     x9, =\value
        cmp     \reg, x9
        b.ne    mode15_bad
.endm
mode15:
        mov     x9, sp
        LIT     x10, saved_sp
        str     x9, [x10]
        SET_REGS
        mov     x0, #24                 // v1 = a Box
        ldr     x1, =LINK
        bl      qn_alloc
        LIT     x9, v1
        str     x0, [x9]
        CONCAT  lit_hello, lit_world    // v2 = "hello, world"
        LIT     x9, v2
        str     x0, [x9]
        bl      qn_print_string
        LIT     x9, v2
        ldr     x0, [x9]
        mov     x1, x0
        bl      qn_string_eq
        mov     x0, #3                  // v3 = [v2, v2, v2]
        LIT     x9, v2
        ldr     x1, [x9]
        mov     x2, #ARR_REFS
        bl      qn_array
        LIT     x9, v3
        str     x0, [x9]
        LIT     x9, v1                  // v1 = Box(v3)
        ldr     x9, [x9]
        str     x0, [x9, #16]
        LIT     x9, v2
        ldr     x0, [x9]
        bl      qn_release              // rc 4 -> 3
        LIT     x9, v1
        ldr     x0, [x9]
        bl      qn_release              // frees v1, v3 and v2
        bl      qn_flush
        CHECK   x19, 0x1919191919191919
        CHECK   x20, 0x2020202020202020
        CHECK   x21, 0x2121212121212121
        CHECK   x22, 0x2222222222222222
        CHECK   x23, 0x2323232323232323
        CHECK   x24, 0x2424242424242424
        CHECK   x25, 0x2525252525252525
        CHECK   x26, 0x2626262626262626
        CHECK   x27, 0x2727272727272727
        CHECK   x28, 0x2828282828282828
        CHECK   x29, 0x2929292929292929
        mov     x9, sp
        LIT     x10, saved_sp
        ldr     x10, [x10]
        cmp     x9, x10
        b.ne    mode15_bad
        PRINT_INT 1
        b       done
mode15_bad:
        PRINT_INT 0
        b       done

// recurse(n): n nested calls of 16 bytes of stack each.
recurse:
        cbz     x0, 1f
        stp     x29, x30, [sp, #-16]!
        sub     x0, x0, #1
        bl      recurse
        ldp     x29, x30, [sp], #16
1:      ret

mode16:
        bl      qn_read_int
        mov     x19, x0
        bl      recurse
        PRINT   x19
        b       done

mode17:
        bl      qn_read_int
        mov     x19, x0                 // x19 = N
        mov     x20, #0
1:      cmp     x20, x19
        b.hs    2f
        mov     x0, #32
        mov     x1, #1 | 2 << 8
        bl      qn_alloc
        add     x20, x20, #1
        b       1b
2:      PRINT   x19
        b       done

mode18:
        bl      qn_read_int
        mov     x21, x0                 // x21 = R
        bl      qn_read_int
        mov     x22, x0                 // x22 = L (at least 1)
        mov     x25, #0                 // x25 = failures
        mov     x23, #0                 // x23 = the first round's array
        mov     x20, #0                 // x20 = round
m18_round:
        cmp     x20, x21
        b.hs    m18_done
        mov     x0, x22                 // x19 = qn_array(L, round)
        mov     x1, x20
        mov     x2, #ARR
        bl      qn_array
        mov     x19, x0
        cmp     x23, #0
        csel    x23, x19, x23, eq
        cmp     x19, x23                // the first round's address
        b.ne    m18_bad
        ldr     x9, [x19, #16]          // the length
        cmp     x9, x22
        b.ne    m18_bad
        ldr     x9, [x19, #24]          // the first element
        cmp     x9, x20
        b.ne    m18_bad
        add     x9, x19, x22, lsl #3
        ldr     x9, [x9, #16]           // the last element
        cmp     x9, x20
        b.eq    m18_next
m18_bad:
        add     x25, x25, #1
m18_next:
        mov     x0, x19
        bl      qn_release
        add     x20, x20, #1
        b       m18_round
m18_done:
        PRINT   x25                     // 0
        PRINT   x20                     // R
        b       done

// m19_make(n) -> qn_array(n, n): x25 + 1 when its length or last element
// is wrong.
m19_make:
        stp     x29, x30, [sp, #-32]!
        mov     x29, sp
        str     x19, [sp, #16]          // x19 = n
        mov     x19, x0
        mov     x1, x0
        mov     x2, #ARR
        bl      qn_array
        ldr     x9, [x0, #16]
        cmp     x9, x19
        b.ne    1f
        add     x9, x0, x19, lsl #3
        ldr     x9, [x9, #16]
        cmp     x9, x19
        b.eq    2f
1:      add     x25, x25, #1
2:      ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret
.macro MAKE n, reg                      // reg = m19_make(n)
        mov     x0, #\n
        bl      m19_make
        mov     \reg, x0
.endm
.macro FREE reg
        mov     x0, \reg
        bl      qn_release
.endm
.macro SAME a, b                        // print_bool(a == b)
        cmp     \a, \b
        cset    x0, eq
        bl      qn_print_bool
.endm

// n elements take 24 + 8n bytes: 1000 and 1010 take 2 pages, 2000 4,
// 3000 6, 4000 8, 5000 10, 126 (1032 bytes) one. The cache (4 mappings,
// the oldest first) is shown after each step.
mode19:
        mov     x25, #0                 // x25 = failures
        MAKE    1000, x19               // 4 new mappings: a1 .. a4
        MAKE    2000, x20
        MAKE    3000, x21
        MAKE    4000, x22
        FREE    x19
        FREE    x20
        FREE    x21
        FREE    x22                     // a1 a2 a3 a4
        MAKE    1010, x23
        SAME    x23, x19                // true: the same 2 pages as a1
        FREE    x23                     // a2 a3 a4 a1
        MAKE    5000, x23               // a new mapping
        FREE    x23                     // full: a2 unmapped; a3 a4 a1 a5
        MINCORE x20                     // -12: a2 is unmapped
        MINCORE x19                     // 0: a1 is cached
        MAKE    2000, x23               // a new mapping (a2 is gone)
        FREE    x23                     // a3 unmapped; a4 a1 a5 a6
        MINCORE x21                     // -12
        MAKE    4000, x21
        SAME    x21, x22                // true: a4 again
        MAKE    4000, x23               // a new mapping a7 (a4 is in use)
        cmp     x23, x22
        cset    x0, ne
        bl      qn_print_bool           // true
        FREE    x21                     // a1 a5 a6 a4
        FREE    x23                     // a1 unmapped; a5 a6 a4 a7
        MINCORE x19                     // -12
        MAKE    4000, x21
        SAME    x21, x23                // true: a7, the newest of the two
        FREE    x21                     // a5 a6 a4 a7
        MAKE    126, x23                // one page: a new mapping
        FREE    x23                     // a5 unmapped; a6 a4 a7 a8
        PRINT   x25                     // 0
        b       done

mode20:
        bl      qn_read_int
        mov     x20, x0                 // x20 = L
        bl      qn_read_int
        mov     x21, x0                 // x21 = M
        mov     x19, x20                // x19 = L, 2L, 3L, 4L
1:      lsl     x0, x19, #3             // qn_alloc(24 + 8*length, ARR)
        add     x0, x0, #24
        mov     x1, #ARR
        bl      qn_alloc
        str     x19, [x0, #16]          // the length (qn_free needs it)
        bl      qn_release
        add     x19, x19, x20
        add     x9, x20, x20, lsl #2
        cmp     x19, x9
        b.lo    1b
        lsl     x0, x21, #3             // an array of M elements
        add     x0, x0, #24
        mov     x1, #ARR
        bl      qn_alloc
        mov     x19, x0
        str     x21, [x19, #16]
        add     x9, x19, x21, lsl #3
        mov     x10, #7
        str     x10, [x9, #16]          // its last element
        PRINT_AT x19, 16                // M
        add     x9, x19, x21, lsl #3    // 7: the last element
        ldr     x0, [x9, #16]
        bl      qn_print_int
        FREE    x19
        b       done

done:                                   // normal return to _start
        ldp     x19, x20, [sp, #16]
        ldp     x21, x22, [sp, #32]
        ldp     x23, x24, [sp, #48]
        ldp     x25, x26, [sp, #64]
        ldp     x27, x28, [sp, #80]
        ldp     x29, x30, [sp], #96
        ret

        .ltorg
        .section .note.GNU-stack,"",%progbits
