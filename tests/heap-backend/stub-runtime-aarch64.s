// Test stand-ins for the runtime's heap routines (spec/heap.md), appended to a
// compiled program by tests/heap-backend.test.ts while runtime-asm/aarch64/runtime.s
// does not have them yet. Memory comes from a bump allocator over a 64 MiB
// arena and is never given back: qn_release only counts down. Enough to run
// the back end's code for real, not a runtime.
        .text
qn_alloc:                               // x0 = bytes, x1 = info -> x0
        adrp    x9, qn_stub_next
        add     x9, x9, :lo12:qn_stub_next
        ldr     x10, [x9]
        cbnz    x10, 1f
        adrp    x10, qn_stub_arena
        add     x10, x10, :lo12:qn_stub_arena
1:      add     x11, x10, x0
        add     x11, x11, #15
        and     x11, x11, #-16
        str     x11, [x9]
        mov     x12, #1
        str     x12, [x10]
        str     x1, [x10, #8]
        mov     x0, x10
        ret

qn_array:                               // x0 = length, x1 = init, x2 = info -> x0
        tbnz    x0, #63, qn_index_out_of_bounds
        stp     x29, x30, [sp, #-48]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        str     x21, [sp, #32]
        mov     x19, x0
        mov     x20, x1
        mov     x21, x2
        lsl     x0, x0, #3
        add     x0, x0, #24
        mov     x1, x21
        bl      qn_alloc
        str     x19, [x0, #16]
        tbz     x21, #8, 2f             // references: init's count goes up by length
        ldr     x9, [x20]
        add     x9, x9, x19
        str     x9, [x20]
2:      mov     x9, #0
        add     x10, x0, #24
3:      cmp     x9, x19
        b.ge    4f
        str     x20, [x10, x9, lsl #3]
        add     x9, x9, #1
        b       3b
4:      ldp     x19, x20, [sp, #16]
        ldr     x21, [sp, #32]
        ldp     x29, x30, [sp], #48
        ret

qn_release:                             // x0 = p
        ldr     x9, [x0]
        sub     x9, x9, #1
        str     x9, [x0]
        ret

qn_index_out_of_bounds:
        adrp    x0, qn_stub_index_message
        add     x0, x0, :lo12:qn_stub_index_message
        mov     x1, #19
        bl      qn_panic

qn_string_eq:                           // x0 = a, x1 = b -> x0 = 0 or 1
        ldr     x9, [x0, #16]
        ldr     x10, [x1, #16]
        cmp     x9, x10
        b.ne    2f
        mov     x10, #0
1:      cmp     x10, x9
        b.ge    3f
        add     x11, x0, x10
        ldrb    w12, [x11, #24]
        add     x11, x1, x10
        ldrb    w13, [x11, #24]
        cmp     w12, w13
        b.ne    2f
        add     x10, x10, #1
        b       1b
3:      mov     x0, #1
        ret
2:      mov     x0, #0
        ret

qn_concat:                              // x0 = a, x1 = b -> x0 = a new string
        stp     x29, x30, [sp, #-48]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        str     x21, [sp, #32]
        mov     x19, x0
        mov     x20, x1
        ldr     x21, [x0, #16]
        ldr     x9, [x1, #16]
        add     x21, x21, x9
        add     x0, x21, #24
        mov     x1, #3
        bl      qn_alloc
        str     x21, [x0, #16]
        add     x9, x0, #24
        ldr     x10, [x19, #16]
        add     x11, x19, #24
1:      cbz     x10, 2f
        ldrb    w12, [x11], #1
        strb    w12, [x9], #1
        sub     x10, x10, #1
        b       1b
2:      ldr     x10, [x20, #16]
        add     x11, x20, #24
3:      cbz     x10, 4f
        ldrb    w12, [x11], #1
        strb    w12, [x9], #1
        sub     x10, x10, #1
        b       3b
4:      ldp     x19, x20, [sp, #16]
        ldr     x21, [sp, #32]
        ldp     x29, x30, [sp], #48
        ret

qn_print_string:                        // x0 = s: flush what is buffered, then write s and a newline
        stp     x29, x30, [sp, #-32]!
        mov     x29, sp
        str     x19, [sp, #16]
        mov     x19, x0
        bl      qn_flush
        mov     x0, #1
        add     x1, x19, #24
        ldr     x2, [x19, #16]
        mov     x8, #64                 // write
        svc     #0
        mov     x0, #1
        adrp    x1, qn_stub_newline
        add     x1, x1, :lo12:qn_stub_newline
        mov     x2, #1
        mov     x8, #64
        svc     #0
        ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

qn_panic_string:                        // x0 = s
        ldr     x1, [x0, #16]
        add     x0, x0, #24
        bl      qn_panic

        .section .rodata
qn_stub_index_message: .ascii "index out of bounds"
qn_stub_newline: .ascii "\n"
        .bss
        .balign 16
qn_stub_arena:  .skip 67108864
qn_stub_next:   .skip 8
        .section .note.GNU-stack,"",%progbits
