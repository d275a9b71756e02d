// Hand-written qn_main for testing the AArch64 runtime's tasks and channels
// (runtime-asm/README.md, "Concurrency"): an interpreter of scheduler
// scripts, the same program as sched_x86_64.s, whose header says what a
// script is; tests/sched/script.ts says the same in TypeScript, on the
// runtime model (interp/scheduler.ts), and tests/scheduler.test.ts checks
// that they agree.

        .equ MAX_WORDS, 1 << 20         // script words, at most
        .equ MAX_BLOCKS, 4096
        .equ BOX_INFO, 1 | 1 << 8       // a box: one field, an Int
        .equ ENV_INFO, 1 | 3 << 8       // a task's env: block, scope, instance
        .equ FRAME, 208                 // run_block's frame: fp, lr, x19-x26, 16 scopes
        .equ SCOPES, 80                 // where the scopes' handles start in it

        .section .rodata
msg_boom:       .ascii "boom"
        .balign 8
op_table:
        .quad   op_bad, op_print, op_chan, op_send, op_recv, op_close, op_yield
        .quad   op_open, op_close_scope, op_spawn, op_recurse, op_drop, op_exit
        .quad   op_panic, op_forever, op_try_send

        .bss
        .balign 16
script:         .skip 8 * MAX_WORDS     // every block's words, one after the other
blocks:         .skip 16 * MAX_BLOCKS   // each block's first word and its end
slots:          .skip 8 * 16            // the channels (0: none)
instances:      .skip 8                 // tasks spawned so far

        .text
        .globl qn_main
qn_main:
        stp     x29, x30, [sp, #-48]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = blocks left to read, x20 = where the next word goes
        stp     x21, x22, [sp, #32]     // x21 = the block's entry in `blocks`, x22 = its words left
        bl      qn_read_int
        mov     x19, x0
        adrp    x20, script
        add     x20, x20, :lo12:script
        adrp    x21, blocks
        add     x21, x21, :lo12:blocks
1:      cbz     x19, 3f
        bl      qn_read_int
        mov     x22, x0
        str     x20, [x21]              // its first word
2:      cbz     x22, 4f
        bl      qn_read_int
        str     x0, [x20], #8
        sub     x22, x22, #1
        b       2b
4:      str     x20, [x21, #8]          // its end
        add     x21, x21, #16
        sub     x19, x19, #1
        b       1b
3:      mov     x0, #0                  // main runs block 0, instance 0, no scope
        mov     x1, #0
        mov     x2, #0
        bl      run_block
        ldp     x21, x22, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        mov     x0, #0
        ret

// task_entry(env): a spawned task's code; env = (block, scope, instance),
// which it owns and releases when its block is done.
task_entry:
        stp     x29, x30, [sp, #-32]!
        mov     x29, sp
        str     x19, [sp, #16]          // x19 = env
        mov     x19, x0
        ldr     x0, [x19, #16]
        ldr     x1, [x19, #32]
        ldr     x2, [x19, #24]
        bl      run_block
        mov     x0, x19
        bl      qn_release
        ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

.macro NEXT reg                         // the next word of the block
        ldr     \reg, [x19], #8
.endm

// run_block(block, instance, scope): run a block's ops.
// x19 = the next word, x20 = the block's end, x21 = the instance, x22 =
// the scope it was spawned in, x23 = how many scopes it opened, their
// handles at [sp, #SCOPES] ...; x24, x25, x26 hold temporaries.
run_block:
        stp     x29, x30, [sp, #-FRAME]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        stp     x21, x22, [sp, #32]
        stp     x23, x24, [sp, #48]
        stp     x25, x26, [sp, #64]
        adrp    x9, blocks
        add     x9, x9, :lo12:blocks
        add     x9, x9, x0, lsl #4
        ldp     x19, x20, [x9]
        mov     x21, x1
        mov     x22, x2
        mov     x23, #0
loop:   cmp     x19, x20
        b.hs    done
        NEXT    x0
        cmp     x0, #15
        b.hi    op_bad
        adrp    x9, op_table
        add     x9, x9, :lo12:op_table
        ldr     x9, [x9, x0, lsl #3]
        br      x9

op_bad: mov     x0, #99
        bl      qn_exit

op_print:
        NEXT    x9
        mov     x10, #1000
        madd    x0, x21, x10, x9
        bl      qn_print_int
        b       loop

op_chan:
        NEXT    x24                     // k
        NEXT    x0                      // the capacity
        NEXT    x9
        mov     x1, #4                  // info: 4, or 0x104 for boxes
        mov     x10, #0x104
        cmp     x9, #0
        csel    x1, x10, x1, ne
        bl      qn_channel
        adrp    x9, slots
        add     x9, x9, :lo12:slots
        add     x9, x9, x24, lsl #3
        ldr     x10, [x9]               // the old one
        str     x0, [x9]
        cbz     x10, loop
        mov     x0, x10
        bl      qn_release
        b       loop

// x0 = the channel in slot NEXT, or print -2 and go on
.macro CHANNEL
        NEXT    x9
        adrp    x10, slots
        add     x10, x10, :lo12:slots
        ldr     x0, [x10, x9, lsl #3]
        cbz     x0, no_channel
.endm

no_channel:
        mov     x0, #-2
        bl      qn_print_int
        b       loop

op_try_send:
        mov     x26, #1                 // x26 = 1: try_send, 0: send
        b       1f
op_send:
        mov     x26, #0
1:      NEXT    x9
        NEXT    x25                     // v
        adrp    x10, slots
        add     x10, x10, :lo12:slots
        ldr     x24, [x10, x9, lsl #3]
        cbz     x24, no_channel
        ldr     x9, [x24]
        add     x9, x9, #1
        str     x9, [x24]               // our own reference while we send
        ldr     x9, [x24, #8]
        tbz     x9, #8, 1f              // Ints
        mov     x0, #24                 // a box holding v
        mov     x1, #BOX_INFO
        bl      qn_alloc
        str     x25, [x0, #16]
        mov     x25, x0
1:      mov     x0, x24
        mov     x1, x25
        cbnz    x26, 2f
        bl      qn_send
        b       3f
2:      bl      qn_try_send             // x0 = 1: sent, 0: dropped
        bl      qn_print_int
3:      mov     x0, x24
        bl      qn_release
        b       loop

op_recv:
        CHANNEL
        mov     x24, x0
        ldr     x9, [x24]
        add     x9, x9, #1
        str     x9, [x24]               // our own reference while we receive
        bl      qn_recv
        cbnz    x1, 1f
        mov     x0, #-1                 // None
        b       2f
1:      ldr     x9, [x24, #8]
        tbz     x9, #8, 2f              // an Int
        ldr     x25, [x0, #16]          // a box: its value, then release it
        bl      qn_release
        mov     x0, x25
2:      bl      qn_print_int
        mov     x0, x24
        bl      qn_release
        b       loop

op_close:
        CHANNEL
        bl      qn_close
        b       loop

op_yield:
        bl      qn_yield
        b       loop

op_open:
        bl      qn_scope_open
        add     x9, sp, #SCOPES
        str     x0, [x9, x23, lsl #3]
        add     x23, x23, #1
        b       loop

op_close_scope:
        cbz     x23, no_scope
        sub     x23, x23, #1
        add     x9, sp, #SCOPES
        ldr     x0, [x9, x23, lsl #3]
        bl      qn_scope_close
        b       loop

no_scope:
        mov     x0, #-3
        bl      qn_print_int
        b       loop

op_spawn:
        NEXT    x24                     // the block
        NEXT    x25                     // how many
        mov     x26, x22                // the scope: the innermost open one,
        cbz     x23, 1f                 // or the one we were spawned in
        add     x9, sp, #SCOPES
        sub     x10, x23, #1
        ldr     x26, [x9, x10, lsl #3]
1:      cbz     x26, no_scope
2:      cmp     x25, #0
        b.le    loop
        sub     x25, x25, #1
        mov     x0, #40                 // env = (block, scope, instance)
        mov     x1, #ENV_INFO
        bl      qn_alloc
        str     x24, [x0, #16]
        str     x26, [x0, #24]
        adrp    x9, instances
        ldr     x10, [x9, :lo12:instances]
        add     x10, x10, #1
        str     x10, [x9, :lo12:instances]
        str     x10, [x0, #32]
        mov     x2, x0
        mov     x0, x26
        adrp    x1, task_entry
        add     x1, x1, :lo12:task_entry
        bl      qn_spawn
        b       2b

op_recurse:
        NEXT    x0
        mov     x1, x21
        bl      recurse
        bl      qn_print_int
        b       loop

op_drop:
        CHANNEL
        str     xzr, [x10, x9, lsl #3]
        bl      qn_release
        b       loop

op_exit:
        NEXT    x0
        bl      qn_exit

op_panic:
        adrp    x0, msg_boom
        add     x0, x0, :lo12:msg_boom
        mov     x1, #4
        bl      qn_panic

op_forever:
        bl      forever

done:   cbz     x23, 1f                 // close the scopes still open
        sub     x23, x23, #1
        add     x9, sp, #SCOPES
        ldr     x0, [x9, x23, lsl #3]
        bl      qn_scope_close
        b       done
1:      ldp     x25, x26, [sp, #64]
        ldp     x23, x24, [sp, #48]
        ldp     x21, x22, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #FRAME
        ret

// recurse(d, instance) -> the sum of 1000 * i + instance, i = 1 .. d,
// each term kept in its own frame until the calls below return; the
// bottom yields. Its prelude checks the stack as compiled code does.
recurse:
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        sub     sp, sp, #16
        adrp    x16, qn_stack_limit
        ldr     x16, [x16, :lo12:qn_stack_limit]
        mov     x17, sp
        cmp     x17, x16
        b.lo    qn_stack_overflow
        cbnz    x0, 1f
        bl      qn_yield
        mov     x0, #0
        b       2f
1:      mov     x9, #1000
        madd    x9, x0, x9, x1
        str     x9, [sp]                // this frame's term
        sub     x0, x0, #1
        bl      recurse                 // (x1 is still the instance)
        ldr     x9, [sp]
        add     x0, x0, x9
2:      mov     sp, x29
        ldp     x29, x30, [sp], #16
        ret

// forever(): recurses until the stack is full (a stack overflow panic).
forever:
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        sub     sp, sp, #16
        adrp    x16, qn_stack_limit
        ldr     x16, [x16, :lo12:qn_stack_limit]
        mov     x17, sp
        cmp     x17, x16
        b.lo    qn_stack_overflow
        bl      forever
        mov     sp, x29
        ldp     x29, x30, [sp], #16
        ret

        .section .note.GNU-stack,"",%progbits
