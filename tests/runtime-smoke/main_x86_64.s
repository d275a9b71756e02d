# Hand-written qn_main for testing the x86-64 runtime (see run.sh).
# The first stdin line picks a mode:
#   1  prints, bools, two read ints printed back, qn_exit(3)
#   2  echo: read_int/print_int forever (ends with "bad input" panic)
#   3  print 7, jmp qn_division_by_zero    4  print 8, je qn_division_by_zero
#   5  print_int 0..99999, normal return   6  print 9, qn_panic("boom")
#   7  loop forever (timeouts)             8  store to address 0 (SIGSEGV)
#   9  check callee-saved registers survive every runtime routine
#  10  read F and D, print F, recurse D calls deep with F-byte frames
#      checked as a compiled prelude checks them, print D

        .equ INT64_MIN, -9223372036854775808
        .equ INT64_MAX, 9223372036854775807

        .section .rodata
msg_boom:       .ascii "boom"

        .bss
saved_rsp:      .skip 8

        .text
        .globl qn_main
qn_main:
        pushq   %rbx
        pushq   %rbp
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        subq    $8, %rsp                # 16-byte aligned from here on
        call    qn_read_int
        cmpq    $1, %rax
        je      mode1
        cmpq    $2, %rax
        je      mode2
        cmpq    $3, %rax
        je      mode3
        cmpq    $4, %rax
        je      mode4
        cmpq    $5, %rax
        je      mode5
        cmpq    $6, %rax
        je      mode6
        cmpq    $7, %rax
        je      mode7
        cmpq    $8, %rax
        je      mode8
        cmpq    $9, %rax
        je      mode9
        cmpq    $10, %rax
        je      mode10
        movl    $99, %edi               # unknown mode
        call    qn_exit

.macro PRINT_INT value
        movabsq $\value, %rdi
        call    qn_print_int
.endm

mode1:
        PRINT_INT 0
        PRINT_INT 1
        PRINT_INT -1
        PRINT_INT 42
        PRINT_INT -1234567890
        PRINT_INT INT64_MAX
        PRINT_INT INT64_MIN
        movl    $1, %edi
        call    qn_print_bool
        xorl    %edi, %edi
        call    qn_print_bool
        call    qn_read_int
        movq    %rax, %rbx              # rbx = a
        call    qn_read_int
        movq    %rax, %r12              # r12 = b
        movq    %rbx, %rdi
        call    qn_print_int
        movq    %r12, %rdi
        call    qn_print_int
        movl    $3, %edi
        call    qn_exit

mode2:
        call    qn_read_int
        movq    %rax, %rdi
        call    qn_print_int
        jmp     mode2

mode3:                                  # as compiled code does for a / 0
        PRINT_INT 7
        jmp     qn_division_by_zero     # rsp is 16-byte aligned here

mode4:                                  # as compiled code does for a / b
        PRINT_INT 8
        xorl    %ebx, %ebx              # b = 0
        cmpq    $0, %rbx
        je      qn_division_by_zero
        jmp     done

mode5:
        xorl    %ebx, %ebx
1:      movq    %rbx, %rdi
        call    qn_print_int
        incq    %rbx
        cmpq    $100000, %rbx
        jl      1b
        jmp     done

mode6:
        PRINT_INT 9
        leaq    msg_boom(%rip), %rdi
        movl    $4, %esi
        call    qn_panic

mode7:
        jmp     mode7

mode8:
        xorl    %eax, %eax
        movq    %rax, (%rax)
        jmp     done

.macro SET_REGS
        movabsq $0x1111111111111111, %rbx
        movabsq $0x2222222222222222, %rbp
        movabsq $0x3333333333333333, %r12
        movabsq $0x4444444444444444, %r13
        movabsq $0x5555555555555555, %r14
        movabsq $0x6666666666666666, %r15
.endm
.macro CHECK reg, value
        movabsq $\value, %rax
        cmpq    %rax, \reg
        jne     mode9_bad
.endm
mode9:
        movq    %rsp, saved_rsp(%rip)
        SET_REGS
        movl    $123, %edi
        call    qn_print_int
        movl    $1, %edi
        call    qn_print_bool
        call    qn_read_int
        movq    %rax, %rdi
        call    qn_print_int
        call    qn_flush
        CHECK   %rbx, 0x1111111111111111
        CHECK   %rbp, 0x2222222222222222
        CHECK   %r12, 0x3333333333333333
        CHECK   %r13, 0x4444444444444444
        CHECK   %r14, 0x5555555555555555
        CHECK   %r15, 0x6666666666666666
        cmpq    saved_rsp(%rip), %rsp
        jne     mode9_bad
        PRINT_INT 1
        jmp     done
mode9_bad:
        PRINT_INT 0

# Mode 10: the stack-overflow check of spec/calls.md (qn_stack_limit,
# qn_stack_overflow) with frames of any size.
mode10:
        call    qn_read_int
        movq    %rax, %rbx              # rbx = F, the frame size (a multiple of 16)
        movq    %rax, %rdi
        call    qn_print_int
        call    qn_read_int
        movq    %rax, %r12              # r12 = D, the depth
        movq    %rax, %rdi
        call    checked
        movq    %r12, %rdi
        call    qn_print_int
        jmp     done

# checked(d): calls itself d times, each with a prelude like a compiled
# function's (add-prelude-and-conclusion) whose frame is rbx bytes.
checked:
        pushq   %rbp
        movq    %rsp, %rbp
        subq    %rbx, %rsp
        cmpq    qn_stack_limit(%rip), %rsp
        jb      qn_stack_overflow
        movq    %rdi, (%rsp)            # the frame is used once checked
        testq   %rdi, %rdi
        jz      1f
        decq    %rdi
        call    checked
1:      movq    %rbp, %rsp
        popq    %rbp
        ret

done:                                   # normal return to _start
        addq    $8, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbp
        popq    %rbx
        ret

        .section .note.GNU-stack,"",%progbits
