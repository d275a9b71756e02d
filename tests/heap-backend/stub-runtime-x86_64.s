# Test stand-ins for the runtime's heap routines (spec/heap.md), appended to a
# compiled program by tests/heap-backend.test.ts while runtime-asm/x86_64/runtime.s
# does not have them yet. Memory comes from a bump allocator over a 64 MiB
# arena and is never given back: qn_release only counts down. Enough to run
# the back end's code for real, not a runtime.
        .text
qn_alloc:                               # rdi = bytes, rsi = info -> rax
        movq    qn_stub_next(%rip), %rax
        testq   %rax, %rax
        jnz     1f
        leaq    qn_stub_arena(%rip), %rax
1:      leaq    15(%rax,%rdi), %rcx
        andq    $-16, %rcx
        movq    %rcx, qn_stub_next(%rip)
        movq    $1, (%rax)
        movq    %rsi, 8(%rax)
        ret

qn_array:                               # rdi = length, rsi = init, rdx = info -> rax
        testq   %rdi, %rdi
        js      qn_stub_negative
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        movq    %rdi, %rbx
        movq    %rsi, %r12
        movq    %rdx, %r13
        leaq    24(,%rdi,8), %rdi
        movq    %r13, %rsi
        call    qn_alloc
        movq    %rbx, 16(%rax)
        testq   $0x100, %r13            # references: init's count goes up by length
        jz      2f
        addq    %rbx, (%r12)
2:      xorl    %ecx, %ecx
3:      cmpq    %rbx, %rcx
        jge     4f
        movq    %r12, 24(%rax,%rcx,8)
        incq    %rcx
        jmp     3b
4:      popq    %r13
        popq    %r12
        popq    %rbx
        ret
qn_stub_negative:
        subq    $8, %rsp
        jmp     qn_index_out_of_bounds

qn_release:                             # rdi = p
        decq    (%rdi)
        ret

qn_index_out_of_bounds:                 # jumped to with rsp 16-byte aligned
        leaq    qn_stub_index_message(%rip), %rdi
        movl    $19, %esi
        call    qn_panic

qn_string_eq:                           # rdi = a, rsi = b -> rax = 0 or 1
        movq    16(%rdi), %rcx
        cmpq    16(%rsi), %rcx
        jne     2f
        xorl    %edx, %edx
1:      cmpq    %rcx, %rdx
        jge     3f
        movb    24(%rdi,%rdx), %al
        cmpb    24(%rsi,%rdx), %al
        jne     2f
        incq    %rdx
        jmp     1b
3:      movl    $1, %eax
        ret
2:      xorl    %eax, %eax
        ret

qn_concat:                              # rdi = a, rsi = b -> rax = a new string
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        movq    %rdi, %rbx
        movq    %rsi, %r12
        movq    16(%rdi), %r13
        addq    16(%rsi), %r13
        leaq    24(%r13), %rdi
        movl    $3, %esi
        call    qn_alloc
        movq    %r13, 16(%rax)
        leaq    24(%rax), %rdi
        leaq    24(%rbx), %rsi
        movq    16(%rbx), %rcx
        rep movsb
        leaq    24(%r12), %rsi
        movq    16(%r12), %rcx
        rep movsb
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

qn_print_string:                        # rdi = s: flush what is buffered, then write s and a newline
        pushq   %rbx
        movq    %rdi, %rbx
        call    qn_flush
        movl    $1, %eax
        movl    $1, %edi
        leaq    24(%rbx), %rsi
        movq    16(%rbx), %rdx
        syscall
        movl    $1, %eax
        movl    $1, %edi
        leaq    qn_stub_newline(%rip), %rsi
        movl    $1, %edx
        syscall
        popq    %rbx
        ret

qn_panic_string:                        # rdi = s
        subq    $8, %rsp
        movq    16(%rdi), %rsi
        addq    $24, %rdi
        call    qn_panic

        .section .rodata
qn_stub_index_message: .ascii "index out of bounds"
qn_stub_newline: .ascii "\n"
        .bss
        .balign 16
qn_stub_arena:  .skip 67108864
qn_stub_next:   .skip 8
        .section .note.GNU-stack,"",@progbits
