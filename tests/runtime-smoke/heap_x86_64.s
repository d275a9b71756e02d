# Hand-written qn_main for testing the x86-64 runtime's heap routines
# (spec/heap.md; see run.sh). heap_aarch64.s is the same program.
# The first stdin line picks a mode:
#   1  3 rounds of 3000 strings of 24..2123 bytes: fill, check, free
#   2  reuse: a freed block comes back (each size class, LIFO, 1M times)
#   3  arrays of 2 million elements (plain, references); the freed
#      mapping stays in the cache and the next array of its size reuses it
#   4  a chain of N objects (N read from stdin), freed from its head
#   5  release: masks, 48 fields, arrays of references, shared objects
#   6  strings: qn_concat, qn_string_eq, qn_print_string (also 160 KiB)
#   7  qn_panic_string of a literal      8  qn_panic_string of a new string
#   9  jump to qn_index_out_of_bounds
#  10  qn_array(L, 3, 2), L read from stdin: prints its length, last element
#  11  qn_alloc(B, 1), B read from stdin: prints 1
#  12  leaves 4 objects (140 bytes) live, one of them a cycle, returns
#  13  the same, then qn_exit(0)       14  the same, then a panic
#  15  callee-saved registers survive the heap routines
#  16  recursion N deep (N read from stdin): shows how small the stack is
#  17  makes N 32-byte objects (N read from stdin) and keeps them
#  18  R rounds (R, then L, read from stdin): qn_array(L, round), checked,
#      freed; every round must get the first round's address
#  19  the cache of big mappings: sizes, the oldest unmapped, the newest taken
#  20  4 big arrays of L, 2L, 3L, 4L elements made and freed (cached), then
#      one of M elements (L, M read from stdin): prints M and its last
#      element, 7. Made by qn_alloc: their pages are never touched

        .equ RC_LITERAL, 0x4000000000000000
        .equ STR, 3                             # info of a string
        .equ ARR, 2                             # an array of plain values
        .equ ARR_REFS, 0x102                    # an array of references
        .equ LINK, 1 | 1 << 8 | 1 << 16         # one field, a reference
        .equ FIELDS48, 1 | 48 << 8 | 0xffffffffffff << 16  # 48 references
        .equ M1_COUNT, 3000
        .equ SYS_MINCORE, 27

# A string literal: rc 2^62, info 3, the length, the bytes.
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
table:          .skip 8 * M1_COUNT      # objects of modes 1 and 2
saved_rsp:      .skip 8
v1:             .skip 8                 # objects of mode 15
v2:             .skip 8
v3:             .skip 8
mincore_vec:    .skip 64

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
        leaq    modes(%rip), %rcx
        cmpq    $1, %rax
        jl      bad_mode
        cmpq    $20, %rax
        jg      bad_mode
        jmp     *-8(%rcx,%rax,8)
bad_mode:
        movl    $99, %edi               # unknown mode
        call    qn_exit

        .section .rodata
        .balign 8
modes:  .quad   mode1, mode2, mode3, mode4, mode5, mode6, mode7, mode8
        .quad   mode9, mode10, mode11, mode12, mode13, mode14, mode15, mode16
        .quad   mode17, mode18, mode19, mode20
        .text

.macro PRINT_INT value
        movabsq $\value, %rdi
        call    qn_print_int
.endm
.macro PRINT reg_or_mem
        movq    \reg_or_mem, %rdi
        call    qn_print_int
.endm
.macro LIT reg, name
        leaq    \name(%rip), \reg
.endm
.macro CONCAT a, b                      # rax = qn_concat(a, b) (literals)
        LIT     %rdi, \a
        LIT     %rsi, \b
        call    qn_concat
.endm
.macro EQ a, b                          # print_bool(qn_string_eq(a, b))
        movq    \a, %rdi
        movq    \b, %rsi
        call    qn_string_eq
        movq    %rax, %rdi
        call    qn_print_bool
.endm
.macro MINCORE reg                      # print mincore(reg, 4096, vec)
        movq    \reg, %rdi
        movl    $4096, %esi
        leaq    mincore_vec(%rip), %rdx
        movl    $SYS_MINCORE, %eax
        syscall
        movq    %rax, %rdi
        call    qn_print_int
.endm

# obj_len(i, round) -> (37*i + 101*round) % 2100: mode 1's string lengths.
obj_len:
        imulq   $37, %rdi, %rax
        imulq   $101, %rsi, %rcx
        addq    %rcx, %rax
        xorl    %edx, %edx
        movl    $2100, %ecx
        divq    %rcx
        movq    %rdx, %rax
        ret

mode1:
        xorl    %r15d, %r15d            # r15 = damaged objects found
        xorl    %r14d, %r14d            # r14 = all addresses or'ed together
        xorl    %r13d, %r13d            # r13 = round
m1_round:
        xorl    %ebx, %ebx              # rbx = i
m1_alloc:                               # table[i] = a string, byte j = 7i + j
        movq    %rbx, %rdi
        movq    %r13, %rsi
        call    obj_len
        movq    %rax, %r12              # r12 = its length
        leaq    24(%rax), %rdi
        movl    $STR, %esi
        call    qn_alloc
        orq     %rax, %r14
        leaq    table(%rip), %rcx
        movq    %rax, (%rcx,%rbx,8)
        movq    %r12, 16(%rax)
        imulq   $7, %rbx, %rdx
        xorl    %ecx, %ecx
1:      cmpq    %r12, %rcx
        jae     2f
        leaq    (%rdx,%rcx), %rsi
        movb    %sil, 24(%rax,%rcx)
        incq    %rcx
        jmp     1b
2:      incq    %rbx
        cmpq    $M1_COUNT, %rbx
        jb      m1_alloc
        xorl    %ebx, %ebx
m1_check:                               # every object is still intact
        movq    %rbx, %rdi
        movq    %r13, %rsi
        call    obj_len
        leaq    table(%rip), %rcx
        movq    (%rcx,%rbx,8), %rdi
        cmpq    $1, (%rdi)
        jne     m1_bad
        cmpq    $STR, 8(%rdi)
        jne     m1_bad
        cmpq    %rax, 16(%rdi)
        jne     m1_bad
        imulq   $7, %rbx, %rdx
        xorl    %ecx, %ecx
1:      cmpq    %rax, %rcx
        jae     m1_good
        leaq    (%rdx,%rcx), %rsi
        cmpb    %sil, 24(%rdi,%rcx)
        jne     m1_bad
        incq    %rcx
        jmp     1b
m1_bad:
        incq    %r15
m1_good:
        incq    %rbx
        cmpq    $M1_COUNT, %rbx
        jb      m1_check
        xorl    %ebx, %ebx              # free the even ones ...
1:      leaq    table(%rip), %rcx
        movq    (%rcx,%rbx,8), %rdi
        call    qn_release
        addq    $2, %rbx
        cmpq    $M1_COUNT, %rbx
        jb      1b
        movl    $1, %ebx                # ... then the odd ones
1:      leaq    table(%rip), %rcx
        movq    (%rcx,%rbx,8), %rdi
        call    qn_release
        addq    $2, %rbx
        cmpq    $M1_COUNT, %rbx
        jb      1b
        incq    %r13
        cmpq    $3, %r13
        jb      m1_round
        PRINT   %r15                    # 0
        andq    $15, %r14
        PRINT   %r14                    # 0: all 16-byte aligned
        jmp     done

mode2:
        # (a) every size class: the block just freed is the next one made
        xorl    %r15d, %r15d            # r15 = failures
        xorl    %ebx, %ebx              # rbx = length 0..1000 (24..1024 bytes)
m2_class:
        leaq    24(%rbx), %rdi
        movl    $STR, %esi
        call    qn_alloc
        movq    %rbx, 16(%rax)
        movq    %rax, %r12              # r12 = p
        movq    %rax, %rdi
        call    qn_release
        leaq    24+15(%rbx), %r13
        andq    $-16, %r13              # r13 = p's size rounded: its class
        movq    %r13, %rdi
        movl    $STR, %esi
        call    qn_alloc
        leaq    -24(%r13), %rcx
        movq    %rcx, 16(%rax)
        cmpq    %r12, %rax
        je      1f
        incq    %r15
1:      movq    %rax, %rdi
        call    qn_release
        incq    %rbx
        cmpq    $1000, %rbx
        jbe     m2_class
        PRINT   %r15                    # 0
        # (b) 100 blocks freed come back last freed first
        xorl    %r15d, %r15d
        xorl    %ebx, %ebx
1:      movl    $40, %edi
        movl    $1 | 3 << 8, %esi
        call    qn_alloc
        leaq    table(%rip), %rcx
        movq    %rax, (%rcx,%rbx,8)
        incq    %rbx
        cmpq    $100, %rbx
        jb      1b
        xorl    %ebx, %ebx
1:      leaq    table(%rip), %rcx
        movq    (%rcx,%rbx,8), %rdi
        call    qn_release
        incq    %rbx
        cmpq    $100, %rbx
        jb      1b
        xorl    %ebx, %ebx
1:      movl    $40, %edi
        movl    $1 | 3 << 8, %esi
        call    qn_alloc
        leaq    table(%rip), %rcx
        movq    %rax, 800(%rcx,%rbx,8)  # table[100 + i]
        movl    $99, %edx
        subq    %rbx, %rdx
        cmpq    %rax, (%rcx,%rdx,8)     # == table[99 - i]?
        je      2f
        incq    %r15
2:      incq    %rbx
        cmpq    $100, %rbx
        jb      1b
        xorl    %ebx, %ebx
1:      leaq    table(%rip), %rcx
        movq    800(%rcx,%rbx,8), %rdi
        call    qn_release
        incq    %rbx
        cmpq    $100, %rbx
        jb      1b
        PRINT   %r15                    # 0
        # (c) a million objects made and freed one after the other
        xorl    %r15d, %r15d
        movl    $64, %edi
        movl    $1 | 6 << 8, %esi
        call    qn_alloc
        movq    %rax, %r12              # r12 = the first one's address
        movq    %rax, %rdi
        call    qn_release
        xorl    %ebx, %ebx
1:      movl    $64, %edi
        movl    $1 | 6 << 8, %esi
        call    qn_alloc
        cmpq    %r12, %rax
        je      2f
        incq    %r15
2:      movq    %rax, %rdi
        call    qn_release
        incq    %rbx
        cmpq    $1000000, %rbx
        jb      1b
        PRINT   %r15                    # 0
        # (d) a freed 32-byte block is not used for a 48-byte object
        movl    $32, %edi
        movl    $1 | 2 << 8, %esi
        call    qn_alloc
        movq    %rax, %r12              # r12 = a (32 bytes)
        movq    %rax, %rdi
        call    qn_release
        movl    $48, %edi
        movl    $1 | 4 << 8, %esi
        call    qn_alloc
        movq    %rax, %r13              # r13 = b (48 bytes)
        xorl    %edi, %edi
        cmpq    %r12, %r13
        setne   %dil
        call    qn_print_bool           # true: b is not a
        movl    $32, %edi
        movl    $1 | 2 << 8, %esi
        call    qn_alloc
        movq    %rax, %r14              # r14 = c (32 bytes)
        xorl    %edi, %edi
        cmpq    %r12, %r14
        sete    %dil
        call    qn_print_bool           # true: c is a
        movq    %r13, %rdi
        call    qn_release
        movq    %r14, %rdi
        call    qn_release
        jmp     done

mode3:
        movl    $2000000, %edi          # 2 million 7s
        movl    $7, %esi
        movl    $ARR, %edx
        call    qn_array
        movq    %rax, %rbx
        PRINT   16(%rbx)                # 2000000
        xorl    %r12d, %r12d            # r12 = their sum
        xorl    %ecx, %ecx
1:      addq    24(%rbx,%rcx,8), %r12
        incq    %rcx
        cmpq    $2000000, %rcx
        jb      1b
        PRINT   %r12                    # 14000000
        PRINT   24+8*1999999(%rbx)      # 7
        MINCORE %rbx                    # 0: mapped
        movq    %rbx, %rdi
        call    qn_release
        MINCORE %rbx                    # 0: still mapped, in the cache
        CONCAT  lit_hello, lit_world
        movq    %rax, %r12              # r12 = s
        movl    $2000000, %edi          # 2 million references to s
        movq    %r12, %rsi
        movl    $ARR_REFS, %edx
        call    qn_array
        movq    %rax, %r13
        xorl    %edi, %edi
        cmpq    %rbx, %r13
        sete    %dil
        call    qn_print_bool           # true: the same size reuses the mapping
        PRINT   (%r12)                  # 2000001
        xorl    %edi, %edi
        cmpq    %r12, 24+8*1999999(%r13)
        sete    %dil
        call    qn_print_bool           # true
        movq    %r13, %rdi
        call    qn_release
        PRINT   (%r12)                  # 1
        xorl    %edi, %edi              # an empty array of references
        movq    %r12, %rsi
        movl    $ARR_REFS, %edx
        call    qn_array
        movq    %rax, %r13
        PRINT   16(%r13)                # 0
        PRINT   (%r12)                  # 1
        movq    %r13, %rdi
        call    qn_release
        movq    %r12, %rdi
        call    qn_print_string         # hello, world
        movq    %r12, %rdi
        call    qn_release
        jmp     done

mode4:
        call    qn_read_int
        movq    %rax, %r13              # r13 = N
        LIT     %rbx, lit_hello         # rbx = the chain so far: a literal,
        incq    (%rbx)                  # which the first link refers to
        xorl    %r12d, %r12d            # r12 = links made
m4_loop:
        cmpq    %r13, %r12
        jae     m4_built
        testb   $1, %r12b
        jnz     m4_array
        movl    $24, %edi               # even: a Box holding the chain
        movq    $LINK, %rsi
        call    qn_alloc
        movq    %rbx, 16(%rax)
        movq    %rax, %rbx
        jmp     m4_next
m4_array:                               # odd: an array [chain]
        movl    $1, %edi
        movq    %rbx, %rsi
        movl    $ARR_REFS, %edx
        call    qn_array
        movq    %rax, %r14
        movq    %rbx, %rdi              # the array has its own reference
        call    qn_release
        movq    %r14, %rbx
m4_next:
        incq    %r12
        jmp     m4_loop
m4_built:
        movq    %rbx, %rdi
        call    qn_release              # frees the whole chain
        LIT     %rax, lit_hello
        PRINT   (%rax)                  # 4611686018427387904: 2^62 again
        jmp     done

mode5:
        CONCAT  lit_hello, lit_world
        movq    %rax, %rbx              # rbx = s
        movl    $40, %edi               # (s, 0x1234, s): mask 101
        movl    $1 | 3 << 8 | 5 << 16, %esi
        call    qn_alloc
        movq    %rax, %r12
        movq    %rbx, 16(%r12)
        movq    $0x1234, 24(%r12)       # not a reference: never touched
        movq    %rbx, 32(%r12)
        addq    $2, (%rbx)
        PRINT   (%rbx)                  # 3
        movq    %r12, %rdi
        call    qn_release
        PRINT   (%rbx)                  # 1
        movl    $16 + 8 * 48, %edi      # 48 fields, all s
        movabsq $FIELDS48, %rsi
        call    qn_alloc
        movq    %rax, %r12
        xorl    %ecx, %ecx
1:      movq    %rbx, 16(%r12,%rcx,8)
        incq    %rcx
        cmpq    $48, %rcx
        jb      1b
        addq    $48, (%rbx)
        PRINT   (%rbx)                  # 49
        movq    %r12, %rdi
        call    qn_release
        PRINT   (%rbx)                  # 1
        movl    $5, %edi                # plain values that look like
        movl    $0x10, %esi             # pointers are not released
        movl    $ARR, %edx
        call    qn_array
        movq    %rax, %rdi
        call    qn_release
        movl    $10, %edi               # an array of 10 new strings
        LIT     %rsi, lit_empty
        movl    $ARR_REFS, %edx
        call    qn_array
        movq    %rax, %r12
        xorl    %r13d, %r13d
1:      movq    24(%r12,%r13,8), %rdi   # replace element i
        call    qn_release
        CONCAT  lit_hello, lit_world
        movq    %rax, 24(%r12,%r13,8)
        incq    %r13
        cmpq    $10, %r13
        jb      1b
        LIT     %rax, lit_empty
        movabsq $RC_LITERAL, %rcx
        movq    (%rax), %rdi
        subq    %rcx, %rdi
        call    qn_print_int            # 0: lit_empty's rc is back
        movq    %r12, %rdi
        call    qn_release              # frees the array and the strings
        movl    $32, %edi               # (s, s), taking over our reference
        movl    $1 | 2 << 8 | 3 << 16, %esi
        call    qn_alloc
        movq    %rbx, 16(%rax)
        movq    %rbx, 24(%rax)
        incq    (%rbx)
        movq    %rax, %rdi
        call    qn_release              # frees the pair and s
        CONCAT  lit_hello, lit_hello    # Box([t, t, t]), t dies with it
        movq    %rax, %rbx
        movl    $3, %edi
        movq    %rbx, %rsi
        movl    $ARR_REFS, %edx
        call    qn_array
        movq    %rax, %r12
        movq    %rbx, %rdi
        call    qn_release
        movl    $24, %edi
        movq    $LINK, %rsi
        call    qn_alloc
        movq    %r12, 16(%rax)
        movq    %rax, %rdi
        call    qn_release
        movl    $16, %edi               # a fields object with no field
        movl    $1, %esi
        call    qn_alloc
        movq    %rax, %rdi
        call    qn_release
        PRINT_INT 5
        jmp     done

mode6:
        CONCAT  lit_hello, lit_world
        movq    %rax, %rbx              # rbx = "hello, world"
        movq    %rbx, %rdi
        call    qn_print_string
        LIT     %rdi, lit_empty
        call    qn_print_string
        LIT     %rdi, lit_nul
        call    qn_print_string
        CONCAT  lit_empty, lit_empty
        movq    %rax, %r12              # r12 = ""
        movq    %r12, %rdi
        call    qn_print_string
        CONCAT  lit_hello, lit_world
        movq    %rax, %r13              # r13 = another "hello, world"
        EQ      %rbx, %rbx              # true
        EQ      %rbx, %r13              # true
        LIT     %r14, lit_hello
        LIT     %r15, lit_world
        EQ      %r14, %r15              # false
        EQ      %r14, %rbx              # false
        LIT     %r14, lit_abc
        LIT     %r15, lit_abd
        EQ      %r14, %r15              # false
        LIT     %r15, lit_ab
        EQ      %r15, %r14              # false
        LIT     %r14, lit_empty
        EQ      %r12, %r14              # true
        LIT     %r14, lit_nul
        LIT     %r15, lit_nul2
        EQ      %r14, %r15              # false
        LIT     %rax, lit_hello
        PRINT   (%rax)                  # 4611686018427387904
        PRINT   (%rbx)                  # 1
        CONCAT  lit_digits, lit_empty
        movq    %rax, %r14              # r14 = 10 digits, doubled 14 times
        movl    $14, %r15d
1:      movq    %r14, %rdi
        movq    %r14, %rsi
        call    qn_concat
        movq    %r14, %rdi
        movq    %rax, %r14
        call    qn_release
        decl    %r15d
        jnz     1b
        movq    %r14, %rdi
        call    qn_print_string         # 163840 digits
        PRINT   16(%r14)                # 163840
        movq    %rbx, %rdi
        call    qn_release
        movq    %r12, %rdi
        call    qn_release
        movq    %r13, %rdi
        call    qn_release
        movq    %r14, %rdi
        call    qn_release
        jmp     done

mode7:
        PRINT_INT 5
        LIT     %rdi, lit_cheese
        call    qn_panic_string

mode8:
        CONCAT  lit_hello, lit_world
        movq    %rax, %rdi
        call    qn_panic_string

mode9:                                  # as compiled code does for a[i]
        PRINT_INT 6
        jmp     qn_index_out_of_bounds  # rsp is 16-byte aligned here

mode10:
        call    qn_read_int
        movq    %rax, %rdi
        movl    $3, %esi
        movl    $ARR, %edx
        call    qn_array
        movq    %rax, %rbx
        PRINT   16(%rbx)
        movq    16(%rbx), %rcx
        testq   %rcx, %rcx
        jz      1f
        movq    16(%rbx,%rcx,8), %rdi   # the last element
        call    qn_print_int
1:      movq    %rbx, %rdi
        call    qn_release
        jmp     done

mode11:
        call    qn_read_int
        movq    %rax, %rdi
        movl    $1, %esi
        call    qn_alloc
        PRINT_INT 1
        jmp     done

leave_garbage:                          # 4 objects, 140 bytes, stay live
        subq    $8, %rsp
        movl    $32, %edi               # a pair of Ints: 32 bytes
        movl    $1 | 2 << 8, %esi
        call    qn_alloc
        movq    $1, 16(%rax)
        movq    $2, 24(%rax)
        movl    $3, %edi                # [0, 0, 0]: 48 bytes
        xorl    %esi, %esi
        movl    $ARR, %edx
        call    qn_array
        CONCAT  lit_hello, lit_world    # 36 bytes
        movl    $24, %edi               # a Box holding itself: 24 bytes
        movq    $LINK, %rsi
        call    qn_alloc
        movq    %rax, 16(%rax)
        incq    (%rax)
        movq    %rax, %rdi
        call    qn_release              # rc 1: the cycle keeps it
        CONCAT  lit_hello, lit_hello    # freed: not counted
        movq    %rax, %rdi
        call    qn_release
        movl    $1000, %edi             # freed (cached mapping): not counted
        xorl    %esi, %esi
        movl    $ARR, %edx
        call    qn_array
        movq    %rax, %rdi
        call    qn_release
        PRINT_INT 12
        addq    $8, %rsp
        ret

mode12:
        call    leave_garbage
        jmp     done

mode13:
        call    leave_garbage
        xorl    %edi, %edi
        call    qn_exit

mode14:
        call    leave_garbage
        leaq    msg_boom(%rip), %rdi
        movl    $4, %esi
        call    qn_panic

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
        jne     mode15_bad
.endm
mode15:
        movq    %rsp, saved_rsp(%rip)
        SET_REGS
        movl    $24, %edi               # v1 = a Box
        movq    $LINK, %rsi
        call    qn_alloc
        movq    %rax, v1(%rip)
        CONCAT  lit_hello, lit_world    # v2 = "hello, world"
        movq    %rax, v2(%rip)
        movq    %rax, %rdi
        call    qn_print_string
        movq    v2(%rip), %rdi
        movq    v2(%rip), %rsi
        call    qn_string_eq
        movl    $3, %edi                # v3 = [v2, v2, v2]
        movq    v2(%rip), %rsi
        movl    $ARR_REFS, %edx
        call    qn_array
        movq    %rax, v3(%rip)
        movq    v1(%rip), %rcx          # v1 = Box(v3)
        movq    %rax, 16(%rcx)
        movq    v2(%rip), %rdi
        call    qn_release              # rc 4 -> 3
        movq    v1(%rip), %rdi
        call    qn_release              # frees v1, v3 and v2
        call    qn_flush
        CHECK   %rbx, 0x1111111111111111
        CHECK   %rbp, 0x2222222222222222
        CHECK   %r12, 0x3333333333333333
        CHECK   %r13, 0x4444444444444444
        CHECK   %r14, 0x5555555555555555
        CHECK   %r15, 0x6666666666666666
        cmpq    saved_rsp(%rip), %rsp
        jne     mode15_bad
        PRINT_INT 1
        jmp     done
mode15_bad:
        PRINT_INT 0
        jmp     done

# recurse(n): n nested calls of 16 bytes of stack each.
recurse:
        testq   %rdi, %rdi
        jz      1f
        pushq   %rdi
        decq    %rdi
        call    recurse
        popq    %rdi
1:      ret

mode16:
        call    qn_read_int
        movq    %rax, %rbx
        movq    %rax, %rdi
        call    recurse
        PRINT   %rbx
        jmp     done

mode17:
        call    qn_read_int
        movq    %rax, %rbx              # rbx = N
        xorl    %r12d, %r12d
1:      cmpq    %rbx, %r12
        jae     2f
        movl    $32, %edi
        movl    $1 | 2 << 8, %esi
        call    qn_alloc
        incq    %r12
        jmp     1b
2:      PRINT   %rbx
        jmp     done

mode18:
        call    qn_read_int
        movq    %rax, %r13              # r13 = R
        call    qn_read_int
        movq    %rax, %r14              # r14 = L (at least 1)
        xorl    %r15d, %r15d            # r15 = failures
        xorl    %ebp, %ebp              # rbp = the first round's array
        xorl    %r12d, %r12d            # r12 = round
m18_round:
        cmpq    %r13, %r12
        jae     m18_done
        movq    %r14, %rdi              # rbx = qn_array(L, round)
        movq    %r12, %rsi
        movl    $ARR, %edx
        call    qn_array
        movq    %rax, %rbx
        testq   %rbp, %rbp
        cmovzq  %rbx, %rbp
        cmpq    %rbp, %rbx              # the first round's address
        jne     m18_bad
        cmpq    %r14, 16(%rbx)          # the length
        jne     m18_bad
        cmpq    %r12, 24(%rbx)          # the first element
        jne     m18_bad
        cmpq    %r12, 16(%rbx,%r14,8)   # the last element
        je      m18_next
m18_bad:
        incq    %r15
m18_next:
        movq    %rbx, %rdi
        call    qn_release
        incq    %r12
        jmp     m18_round
m18_done:
        PRINT   %r15                    # 0
        PRINT   %r12                    # R
        jmp     done

# m19_make(n) -> qn_array(n, n): r15 + 1 when its length or last element
# is wrong.
m19_make:
        pushq   %rbx                    # rbx = n (the stack is aligned)
        movq    %rdi, %rbx
        movq    %rdi, %rsi
        movl    $ARR, %edx
        call    qn_array
        cmpq    %rbx, 16(%rax)
        jne     1f
        cmpq    %rbx, 16(%rax,%rbx,8)
        je      2f
1:      incq    %r15
2:      popq    %rbx
        ret
.macro MAKE n, reg                      # reg = m19_make(n)
        movl    $\n, %edi
        call    m19_make
        movq    %rax, \reg
.endm
.macro FREE reg
        movq    \reg, %rdi
        call    qn_release
.endm
.macro SAME a, b                        # print_bool(a == b)
        xorl    %edi, %edi
        cmpq    \a, \b
        sete    %dil
        call    qn_print_bool
.endm

# n elements take 24 + 8n bytes: 1000 and 1010 take 2 pages, 2000 4,
# 3000 6, 4000 8, 5000 10, 126 (1032 bytes) one. The cache (4 mappings,
# the oldest first) is shown after each step.
mode19:
        xorl    %r15d, %r15d            # r15 = failures
        MAKE    1000, %rbx              # 4 new mappings: a1 .. a4
        MAKE    2000, %r12
        MAKE    3000, %r13
        MAKE    4000, %r14
        FREE    %rbx
        FREE    %r12
        FREE    %r13
        FREE    %r14                    # a1 a2 a3 a4
        MAKE    1010, %rbp
        SAME    %rbp, %rbx              # true: the same 2 pages as a1
        FREE    %rbp                    # a2 a3 a4 a1
        MAKE    5000, %rbp              # a new mapping
        FREE    %rbp                    # full: a2 unmapped; a3 a4 a1 a5
        MINCORE %r12                    # -12: a2 is unmapped
        MINCORE %rbx                    # 0: a1 is cached
        MAKE    2000, %rbp              # a new mapping (a2 is gone)
        FREE    %rbp                    # a3 unmapped; a4 a1 a5 a6
        MINCORE %r13                    # -12
        MAKE    4000, %r13
        SAME    %r13, %r14              # true: a4 again
        MAKE    4000, %rbp              # a new mapping a7 (a4 is in use)
        xorl    %edi, %edi
        cmpq    %rbp, %r14
        setne   %dil
        call    qn_print_bool           # true
        FREE    %r13                    # a1 a5 a6 a4
        FREE    %rbp                    # a1 unmapped; a5 a6 a4 a7
        MINCORE %rbx                    # -12
        MAKE    4000, %r13
        SAME    %r13, %rbp              # true: a7, the newest of the two
        FREE    %r13                    # a5 a6 a4 a7
        MAKE    126, %rbp               # one page: a new mapping
        FREE    %rbp                    # a5 unmapped; a6 a4 a7 a8
        PRINT   %r15                    # 0
        jmp     done

mode20:
        call    qn_read_int
        movq    %rax, %r12              # r12 = L
        call    qn_read_int
        movq    %rax, %r13              # r13 = M
        movq    %r12, %rbx              # rbx = L, 2L, 3L, 4L
1:      leaq    24(,%rbx,8), %rdi       # qn_alloc(24 + 8*length, ARR)
        movl    $ARR, %esi
        call    qn_alloc
        movq    %rbx, 16(%rax)          # the length (qn_free needs it)
        movq    %rax, %rdi
        call    qn_release
        addq    %r12, %rbx
        leaq    (%r12,%r12,4), %rax
        cmpq    %rax, %rbx
        jb      1b
        leaq    24(,%r13,8), %rdi       # an array of M elements
        movl    $ARR, %esi
        call    qn_alloc
        movq    %rax, %rbx
        movq    %r13, 16(%rbx)
        movq    $7, 16(%rbx,%r13,8)     # its last element
        PRINT   16(%rbx)                # M
        movq    16(%rbx,%r13,8), %rdi   # 7: the last element
        call    qn_print_int
        FREE    %rbx
        jmp     done

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
