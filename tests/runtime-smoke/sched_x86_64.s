# Hand-written qn_main for testing the x86-64 runtime's tasks and channels
# (runtime-asm/README.md, "Concurrency"): an interpreter of scheduler
# scripts. sched_aarch64.s is the same program; tests/sched/script.ts says
# the same in TypeScript, on the runtime model (interp/scheduler.ts), and
# tests/scheduler.test.ts checks that they agree.
#
# A script is integers, one a line on stdin: the number of blocks, then
# for each block its length in words and the words. Block 0 is main's;
# a spawned task runs another. Each op is an opcode and its operands:
#    1 n      print 1000 * instance + n (main is instance 0, then each
#             spawned task the next number)
#    2 k c r  slot k := a new channel of capacity c (r = 1: it carries
#             boxes, references; the old channel in slot k is released)
#    3 k v    send v on slot k (a new box holding v when it carries boxes)
#    4 k      receive from slot k: print the value (a box's, then the box
#             is released), or -1 for None
#    5 k      close slot k         6  yield
#    7        open a scope         8  close the innermost open scope
#    9 b n    spawn n tasks running block b, in the task's innermost open
#             scope, or else in the scope it was spawned in
#   10 d      recurse d calls deep (checked frames of 32 bytes), yield at
#             the bottom, check every frame on the way back, print the sum
#             of what they held: sum of 1000 * i + instance, i = 1 .. d
#   11 k      release slot k (it is empty then)
#   12 n      exit(n)     13  panic "boom"     14  recurse forever
#   15 k v    try_send v on slot k (a new box holding v when it carries
#             boxes) and print what it gives: 1 sent, 0 not (dropped)
# A slot that holds no channel prints -2 (send, receive, close, release);
# a spawn with no scope, or a scope close with none open, prints -3. At
# the end of a block its open scopes are closed, innermost first. The
# slots are a table of 16 channel references; each op on a channel holds
# a reference of its own while it runs (so a channel released while a
# task waits on it lives on), as compiled code would. The slots are not
# released when main ends: the leak check counts what they hold.

        .equ MAX_WORDS, 1 << 20         # script words, at most
        .equ MAX_BLOCKS, 4096
        .equ BOX_INFO, 1 | 1 << 8       # a box: one field, an Int
        .equ ENV_INFO, 1 | 3 << 8       # a task's env: block, scope, instance
        .equ FRAME, 152                 # run_block's frame: 16 scopes, 3 temporaries

        .section .rodata
msg_boom:       .ascii "boom"
        .balign 8
op_table:
        .quad   op_bad, op_print, op_chan, op_send, op_recv, op_close, op_yield
        .quad   op_open, op_close_scope, op_spawn, op_recurse, op_drop, op_exit
        .quad   op_panic, op_forever, op_try_send

        .bss
        .balign 16
script:         .skip 8 * MAX_WORDS     # every block's words, one after the other
blocks:         .skip 16 * MAX_BLOCKS   # each block's first word and its end
slots:          .skip 8 * 16            # the channels (0: none)
instances:      .skip 8                 # tasks spawned so far

        .text
        .globl qn_main
qn_main:
        pushq   %rbx                    # rbx = blocks left to read
        pushq   %r12                    # r12 = where the next word goes
        pushq   %r13                    # r13 = the block's entry in `blocks`
        pushq   %r14                    # r14 = its words left to read
        subq    $8, %rsp                # (realign the stack to 16 bytes)
        call    qn_read_int
        movq    %rax, %rbx
        leaq    script(%rip), %r12
        leaq    blocks(%rip), %r13
1:      testq   %rbx, %rbx
        jz      3f
        call    qn_read_int
        movq    %rax, %r14
        movq    %r12, (%r13)            # its first word
2:      testq   %r14, %r14
        jz      4f
        call    qn_read_int
        movq    %rax, (%r12)
        addq    $8, %r12
        decq    %r14
        jmp     2b
4:      movq    %r12, 8(%r13)           # its end
        addq    $16, %r13
        decq    %rbx
        jmp     1b
3:      xorl    %edi, %edi              # main runs block 0, instance 0, no scope
        xorl    %esi, %esi
        xorl    %edx, %edx
        call    run_block
        addq    $8, %rsp
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        xorl    %eax, %eax
        ret

# task_entry(env): a spawned task's code; env = (block, scope, instance),
# which it owns and releases when its block is done.
task_entry:
        pushq   %rbx                    # rbx = env (the stack is aligned)
        movq    %rdi, %rbx
        movq    16(%rbx), %rdi
        movq    32(%rbx), %rsi
        movq    24(%rbx), %rdx
        call    run_block
        movq    %rbx, %rdi
        call    qn_release
        popq    %rbx
        ret

.macro NEXT reg                         # the next word of the block
        movq    (%rbx), \reg
        addq    $8, %rbx
.endm

# run_block(block, instance, scope): run a block's ops.
# rbx = the next word, r12 = the block's end, r13 = the instance, r14 =
# the scope it was spawned in, r15 = how many scopes it opened, their
# handles at 0(%rsp) ...; 128, 136, 144(%rsp) hold temporaries.
run_block:
        pushq   %rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        subq    $FRAME, %rsp
        shlq    $4, %rdi
        leaq    blocks(%rip), %rax
        movq    (%rax,%rdi), %rbx
        movq    8(%rax,%rdi), %r12
        movq    %rsi, %r13
        movq    %rdx, %r14
        xorl    %r15d, %r15d
loop:   cmpq    %r12, %rbx
        jae     done
        NEXT    %rax
        cmpq    $15, %rax
        ja      op_bad
        leaq    op_table(%rip), %rcx
        jmp     *(%rcx,%rax,8)

op_bad: movl    $99, %edi
        call    qn_exit

op_print:
        NEXT    %rax
        imulq   $1000, %r13, %rdi
        addq    %rax, %rdi
        call    qn_print_int
        jmp     loop

op_chan:
        NEXT    %rax
        movq    %rax, 128(%rsp)         # k
        NEXT    %rdi                    # the capacity
        NEXT    %rsi
        movl    $4, %eax                # info: 4, or 0x104 for boxes
        movl    $0x104, %ecx
        testq   %rsi, %rsi
        cmovnz  %ecx, %eax
        movl    %eax, %esi
        call    qn_channel
        movq    128(%rsp), %rcx
        leaq    slots(%rip), %rdx
        movq    (%rdx,%rcx,8), %rdi     # the old one
        movq    %rax, (%rdx,%rcx,8)
        testq   %rdi, %rdi
        jz      loop
        call    qn_release
        jmp     loop

# rdi = the channel in slot NEXT, or print -2 and go on
.macro CHANNEL
        NEXT    %rax
        leaq    slots(%rip), %rcx
        movq    (%rcx,%rax,8), %rdi
        testq   %rdi, %rdi
        jz      no_channel
.endm

no_channel:
        movq    $-2, %rdi
        call    qn_print_int
        jmp     loop

op_try_send:
        movq    $1, 144(%rsp)           # 144(%rsp) = 1: try_send, 0: send
        jmp     1f
op_send:
        movq    $0, 144(%rsp)
1:      NEXT    %rax
        NEXT    %rsi                    # v
        leaq    slots(%rip), %rcx
        movq    (%rcx,%rax,8), %rdi
        testq   %rdi, %rdi
        jz      no_channel
        incq    (%rdi)                  # our own reference while we send
        movq    %rdi, 128(%rsp)
        movq    %rsi, 136(%rsp)
        btq     $8, 8(%rdi)
        jnc     1f                      # Ints
        movl    $24, %edi               # a box holding v
        movl    $BOX_INFO, %esi
        call    qn_alloc
        movq    136(%rsp), %rcx
        movq    %rcx, 16(%rax)
        movq    %rax, 136(%rsp)
1:      movq    128(%rsp), %rdi
        movq    136(%rsp), %rsi
        cmpq    $0, 144(%rsp)
        jne     2f
        call    qn_send
        jmp     3f
2:      call    qn_try_send
        movq    %rax, %rdi              # 1: sent, 0: dropped
        call    qn_print_int
3:      movq    128(%rsp), %rdi
        call    qn_release
        jmp     loop

op_recv:
        CHANNEL
        incq    (%rdi)                  # our own reference while we receive
        movq    %rdi, 128(%rsp)
        call    qn_recv
        testq   %rdx, %rdx
        jnz     1f
        movq    $-1, %rax               # None
        jmp     2f
1:      movq    128(%rsp), %rcx
        btq     $8, 8(%rcx)
        jnc     2f                      # an Int
        movq    16(%rax), %rcx          # a box: its value, then release it
        movq    %rcx, 136(%rsp)
        movq    %rax, %rdi
        call    qn_release
        movq    136(%rsp), %rax
2:      movq    %rax, %rdi
        call    qn_print_int
        movq    128(%rsp), %rdi
        call    qn_release
        jmp     loop

op_close:
        CHANNEL
        call    qn_close
        jmp     loop

op_yield:
        call    qn_yield
        jmp     loop

op_open:
        call    qn_scope_open
        movq    %rax, (%rsp,%r15,8)
        incq    %r15
        jmp     loop

op_close_scope:
        testq   %r15, %r15
        jz      no_scope
        decq    %r15
        movq    (%rsp,%r15,8), %rdi
        call    qn_scope_close
        jmp     loop

no_scope:
        movq    $-3, %rdi
        call    qn_print_int
        jmp     loop

op_spawn:
        NEXT    %rax
        movq    %rax, 128(%rsp)         # the block
        NEXT    %rax
        movq    %rax, 136(%rsp)         # how many
        movq    %r14, %rax              # the scope: the innermost open one,
        testq   %r15, %r15              # or the one we were spawned in
        jz      1f
        movq    -8(%rsp,%r15,8), %rax
1:      testq   %rax, %rax
        jz      no_scope
        movq    %rax, 144(%rsp)
2:      cmpq    $0, 136(%rsp)
        jle     loop
        decq    136(%rsp)
        movl    $40, %edi               # env = (block, scope, instance)
        movl    $ENV_INFO, %esi
        call    qn_alloc
        movq    128(%rsp), %rcx
        movq    %rcx, 16(%rax)
        movq    144(%rsp), %rcx
        movq    %rcx, 24(%rax)
        incq    instances(%rip)
        movq    instances(%rip), %rcx
        movq    %rcx, 32(%rax)
        movq    144(%rsp), %rdi
        leaq    task_entry(%rip), %rsi
        movq    %rax, %rdx
        call    qn_spawn
        jmp     2b

op_recurse:
        NEXT    %rdi
        movq    %r13, %rsi
        call    recurse
        movq    %rax, %rdi
        call    qn_print_int
        jmp     loop

op_drop:
        CHANNEL
        movq    -8(%rbx), %rax
        leaq    slots(%rip), %rcx
        movq    $0, (%rcx,%rax,8)
        call    qn_release
        jmp     loop

op_exit:
        NEXT    %rdi
        call    qn_exit

op_panic:
        leaq    msg_boom(%rip), %rdi
        movl    $4, %esi
        call    qn_panic

op_forever:
        call    forever

done:   testq   %r15, %r15              # close the scopes still open
        jz      1f
        decq    %r15
        movq    (%rsp,%r15,8), %rdi
        call    qn_scope_close
        jmp     done
1:      addq    $FRAME, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret

# recurse(d, instance) -> the sum of 1000 * i + instance, i = 1 .. d,
# each term kept in its own frame until the calls below return; the
# bottom yields. Its prelude checks the stack as compiled code does.
recurse:
        pushq   %rbp
        movq    %rsp, %rbp
        subq    $16, %rsp
        cmpq    qn_stack_limit(%rip), %rsp
        jb      qn_stack_overflow
        testq   %rdi, %rdi
        jnz     1f
        call    qn_yield
        xorl    %eax, %eax
        jmp     2f
1:      imulq   $1000, %rdi, %rax
        addq    %rsi, %rax
        movq    %rax, -8(%rbp)          # this frame's term
        decq    %rdi
        call    recurse                 # (rsi is still the instance)
        addq    -8(%rbp), %rax
2:      movq    %rbp, %rsp
        popq    %rbp
        ret

# forever(): recurses until the stack is full (a stack overflow panic).
forever:
        pushq   %rbp
        movq    %rsp, %rbp
        subq    $16, %rsp
        cmpq    qn_stack_limit(%rip), %rsp
        jb      qn_stack_overflow
        call    forever
        movq    %rbp, %rsp
        popq    %rbp
        ret

        .section .note.GNU-stack,"",%progbits
