// Hand-written qn_main for testing the AArch64 runtime (see run.sh).
// The first stdin line picks a mode:
//   1  prints, bools, two read ints printed back, qn_exit(3)
//   2  echo: read_int/print_int forever (ends with "bad input" panic)
//   3  print 7, b qn_division_by_zero      4  print 8, cbz to qn_division_by_zero
//   5  print_int 0..99999, normal return   6  print 9, qn_panic("boom")
//   7  loop forever (timeouts)             8  store to address 0 (SIGSEGV)
//   9  check callee-saved registers survive every runtime routine
//  10  read F and D, print F, recurse D calls deep with F-byte frames
//      checked as a compiled prelude checks them, print D

        .equ INT64_MIN, -9223372036854775808
        .equ INT64_MAX, 9223372036854775807

        .section .rodata
msg_boom:       .ascii "boom"

        .bss
        .balign 8
saved_sp:       .skip 8

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
        cmp     x0, #1
        b.eq    mode1
        cmp     x0, #2
        b.eq    mode2
        cmp     x0, #3
        b.eq    mode3
        cmp     x0, #4
        b.eq    mode4
        cmp     x0, #5
        b.eq    mode5
        cmp     x0, #6
        b.eq    mode6
        cmp     x0, #7
        b.eq    mode7
        cmp     x0, #8
        b.eq    mode8
        cmp     x0, #9
        b.eq    mode9
        cmp     x0, #10
        b.eq    mode10
        mov     x0, #99                 // unknown mode
        bl      qn_exit

.macro PRINT_INT value
        ldr     x0, =\value
        bl      qn_print_int
.endm

mode1:
        PRINT_INT 0
        PRINT_INT 1
        PRINT_INT -1
        PRINT_INT 42
        PRINT_INT -1234567890
        PRINT_INT INT64_MAX
        PRINT_INT INT64_MIN
        mov     x0, #1
        bl      qn_print_bool
        mov     x0, #0
        bl      qn_print_bool
        bl      qn_read_int
        mov     x19, x0                 // x19 = a
        bl      qn_read_int
        mov     x20, x0                 // x20 = b
        mov     x0, x19
        bl      qn_print_int
        mov     x0, x20
        bl      qn_print_int
        mov     x0, #3
        bl      qn_exit

mode2:
        bl      qn_read_int
        bl      qn_print_int
        b       mode2

mode3:                                  // as compiled code does for a / 0
        PRINT_INT 7
        b       qn_division_by_zero

mode4:                                  // as compiled code does for a / b
        PRINT_INT 8
        mov     x19, #0                 // b = 0
        cbz     x19, qn_division_by_zero
        b       done

mode5:
        mov     x19, #0
        ldr     x20, =100000
1:      mov     x0, x19
        bl      qn_print_int
        add     x19, x19, #1
        cmp     x19, x20
        b.lt    1b
        b       done

mode6:
        PRINT_INT 9
        adrp    x0, msg_boom
        add     x0, x0, :lo12:msg_boom
        mov     x1, #4
        bl      qn_panic

mode7:
        b       mode7

mode8:
        mov     x0, #0
        str     x0, [x0]
        b       done

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
        b.ne    mode9_bad
.endm
mode9:
        mov     x9, sp
        adrp    x10, saved_sp
        str     x9, [x10, :lo12:saved_sp]
        SET_REGS
        mov     x0, #123
        bl      qn_print_int
        mov     x0, #1
        bl      qn_print_bool
        bl      qn_read_int
        bl      qn_print_int
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
        adrp    x10, saved_sp
        ldr     x10, [x10, :lo12:saved_sp]
        cmp     x9, x10
        b.ne    mode9_bad
        PRINT_INT 1
        b       done
mode9_bad:
        PRINT_INT 0

// Mode 10: the stack-overflow check of spec/calls.md (qn_stack_limit,
// qn_stack_overflow) with frames of any size.
mode10:
        bl      qn_read_int
        mov     x19, x0                 // x19 = F, the frame size (a multiple of 16)
        bl      qn_print_int
        bl      qn_read_int
        mov     x20, x0                 // x20 = D, the depth
        bl      checked
        mov     x0, x20
        bl      qn_print_int
        b       done

// checked(d): calls itself d times, each with a prelude like a compiled
// function's (add-prelude-and-conclusion) whose frame is x19 bytes.
checked:
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        sub     sp, sp, x19
        adrp    x16, qn_stack_limit
        ldr     x16, [x16, :lo12:qn_stack_limit]
        mov     x17, sp
        cmp     x17, x16
        b.lo    qn_stack_overflow
        str     x0, [sp]                // the frame is used once checked
        cbz     x0, 1f
        sub     x0, x0, #1
        bl      checked
1:      mov     sp, x29
        ldp     x29, x30, [sp], #16
        ret

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
