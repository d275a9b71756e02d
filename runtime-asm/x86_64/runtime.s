# qnano runtime for x86-64 Linux (GNU as, AT&T syntax).
#
# This file is the whole "standard library" of a Quastra program. It is
# linked together with the compiled program into a static executable;
# there is no libc: we talk to the kernel directly with the `syscall`
# instruction (rax = system call number, args in rdi, rsi, rdx; the
# result comes back in rax, negative values are -errno; the instruction
# clobbers rcx and r11).
#
# Calling convention: System V AMD64. Arguments in rdi, rsi, rdx, ...,
# result in rax. Routines keep rbx, rbp, r12-r15 and rsp unchanged
# (callee-saved). The stack is 16-byte aligned at every `call`.
#
# Heap objects (spec/heap.md) start with two words, rc and info; the
# pointer to an object points at its rc. qn_alloc, qn_array, qn_release
# and the string routines at the end of this file manage them.
#
# The file aarch64/runtime.s is the same program for AArch64: same
# routines, same order, same label names. Read them side by side.

        .equ SYS_READ, 0
        .equ SYS_WRITE, 1
        .equ SYS_EXIT_GROUP, 231
        .equ SYS_PRLIMIT64, 302
        .equ SYS_MMAP, 9
        .equ SYS_MUNMAP, 11
        .equ RLIMIT_STACK, 3
        .equ AT_PAGESZ, 6               # auxiliary vector: the page size
        .equ AT_EXECFN, 31              # ... and the program's file name, at the stack's top
        .equ QN_STACK_MAX, 8388608      # the stack used: at most 8 MiB (spec/calls.md) ...
        .equ QN_STACK_RESERVE, 8192     # ... and 8 KiB of it kept below qn_stack_limit
        .equ QN_PANIC_STACK, 1024       # qn_stack_overflow's own stack
        .equ EINTR, 4
        .equ QN_BUF_SIZE, 65536         # size of each I/O buffer
        .equ PROT_READ_WRITE, 3         # mmap: PROT_READ | PROT_WRITE
        .equ MAP_PRIVATE_ANON, 0x22     # mmap: MAP_PRIVATE | MAP_ANONYMOUS
        .equ QN_PAGE_SIZE, 4096         # big objects take whole pages
        .equ QN_CHUNK_SIZE, 1048576     # small objects are cut from 1 MiB chunks
        .equ QN_SMALL_MAX, 1024         # the largest size class (16, 32, ..., 1024)
        .equ QN_BIG_CACHE, 4            # freed big mappings kept for reuse, at most
        .equ QN_MAX_BYTES, 0x1000000000000  # 2^48: no object is bigger, so sizes never overflow
        .equ QN_MAX_LENGTH, (QN_MAX_BYTES - 24) / 8  # the longest array

# ---------------------------------------------------------------------
# Read-only data: fixed strings.
# ---------------------------------------------------------------------
        .section .rodata
qn_str_true:            .ascii "true\n"         # 5 bytes
qn_str_false:           .ascii "false\n"        # 6 bytes
qn_str_panic:           .ascii "panic: "        # 7 bytes
qn_str_newline:         .ascii "\n"             # 1 byte
qn_msg_bad_input:       .ascii "bad input"      # 9 bytes
qn_msg_div_zero:        .ascii "division by zero"  # 16 bytes
qn_msg_stack:           .ascii "stack overflow"    # 14 bytes
qn_msg_index:           .ascii "index out of bounds"  # 19 bytes
qn_msg_memory:          .ascii "out of memory"     # 13 bytes
qn_str_leak_var:        .ascii "QNANO_LEAK_CHECK=" # 17 bytes
qn_str_leak_1:          .ascii "leak check: "      # 12 bytes
qn_str_leak_2:          .ascii " objects, "        # 10 bytes
qn_str_leak_3:          .ascii " bytes live\n"     # 12 bytes

# ---------------------------------------------------------------------
# Zero-initialised data: the two I/O buffers and their bookkeeping,
# the heap's free lists, chunk and cache of big mappings, and the leak
# check's counts.
# ---------------------------------------------------------------------
        .section .bss
        .balign 16
qn_panic_stack: .skip QN_PANIC_STACK    # the stack qn_stack_overflow panics on, ...
qn_panic_stack_top:                     # ... from here down
qn_out_buf:     .skip QN_BUF_SIZE       # bytes waiting to go to stdout
qn_in_buf:      .skip QN_BUF_SIZE       # bytes read from stdin, not yet used
qn_out_len:     .skip 8                 # number of bytes in qn_out_buf
qn_in_pos:      .skip 8                 # next unread byte of qn_in_buf
qn_in_len:      .skip 8                 # number of valid bytes in qn_in_buf
        .globl qn_stack_limit
qn_stack_limit: .skip 8                 # the lowest rsp a function's frame may reach
qn_rlimit:      .skip 16                # prlimit64's answer: soft and hard limit
qn_envp:        .skip 8                 # the environment: "NAME=value" pointers, then NULL
qn_free_lists:  .skip 64 * 8            # first free block of each size class (16 .. 1024 bytes)
qn_chunk_next:  .skip 8                 # the next unused byte of the current chunk
qn_chunk_end:   .skip 8                 # the end of the current chunk
qn_big_count:   .skip 8                 # freed big mappings in the cache (0 .. QN_BIG_CACHE)
qn_big_cache:   .skip QN_BIG_CACHE * 16 # their (address, size) pairs, the oldest first
qn_live_objects: .skip 8                # objects made and not yet freed
qn_live_bytes:  .skip 8                 # the sum of their sizes (before rounding)

        .text

# ---------------------------------------------------------------------
# _start: the entry point of the executable (the kernel jumps here).
#   Arguments: none (the stack holds argc, the argv pointers, a NULL,
#              the envp pointers, a NULL and the auxiliary vector;
#              we keep envp in qn_envp).
#   Result:    never returns.
# Sets qn_stack_limit, calls qn_main (the compiled program), reports
# leaks if asked to (qn_leak_check) and then exits like qn_exit(0).
# The kernel starts us with rsp 16-byte aligned, which is exactly what
# a `call` needs.
# ---------------------------------------------------------------------
        .globl _start
_start:
        xorl    %ebp, %ebp              # mark the outermost stack frame
        movq    (%rsp), %rax            # rax = argc
        leaq    16(%rsp,%rax,8), %rax   # envp = rsp + 8 + 8*argc + 8 (argv's NULL)
        movq    %rax, qn_envp(%rip)
        # qn_stack_limit = top - S + QN_STACK_RESERVE (spec/calls.md): the
        # stack's top is right above the program's file name, the first
        # string the kernel put there (auxiliary vector AT_EXECFN,
        # after envp's NULL: (type, value) pairs up to type 0); S is
        # min(soft RLIMIT_STACK, QN_STACK_MAX) in whole pages (AT_PAGESZ).
        movq    %rsp, %r8               # r8 = the top (rsp if AT_EXECFN is missing)
        movl    $QN_PAGE_SIZE, %r9d     # r9 = the page size (if AT_PAGESZ is missing)
1:      movq    (%rax), %rcx            # skip the envp pointers and their NULL
        addq    $8, %rax
        testq   %rcx, %rcx
        jnz     1b
2:      movq    (%rax), %rcx            # rcx = the entry's type
        movq    8(%rax), %rsi           # rsi = its value
        addq    $16, %rax
        cmpq    $AT_PAGESZ, %rcx
        cmoveq  %rsi, %r9
        cmpq    $AT_EXECFN, %rcx
        jne     4f
3:      cmpb    $0, (%rsi)              # find the file name's NUL
        leaq    1(%rsi), %rsi
        jne     3b
        leaq    8(%rsi), %r8            # then a NULL word, then the top
4:      testq   %rcx, %rcx
        jnz     2b
        xorl    %edi, %edi              # pid 0: this process
        movl    $RLIMIT_STACK, %esi
        xorl    %edx, %edx              # no new limit
        leaq    qn_rlimit(%rip), %r10   # where the old one goes
        movl    $SYS_PRLIMIT64, %eax
        syscall                         # keeps r8 and r9
        movq    $QN_STACK_MAX, %rcx
        testq   %rax, %rax
        jnz     5f                      # no answer: assume QN_STACK_MAX
        movq    qn_rlimit(%rip), %rax   # the soft limit (unsigned; infinity is all ones)
        cmpq    %rcx, %rax
        cmovbq  %rax, %rcx
5:      negq    %r9                     # r9 = -page size: a mask of whole pages
        andq    %r9, %rcx               # rcx = S
        negq    %r8                     # round the top up to a whole page
        andq    %r9, %r8
        negq    %r8
        subq    %rcx, %r8
        addq    $QN_STACK_RESERVE, %r8
        movq    %r8, qn_stack_limit(%rip)
        cmpq    %r8, %rsp               # argv and envp leave no room for a frame
        jb      qn_stack_overflow       # (qn_main's pushes might fault): panic now
        call    qn_main
        call    qn_leak_check           # QNANO_LEAK_CHECK: report live objects
        xorl    %edi, %edi              # exit code 0
        call    qn_exit                 # does not return

# ---------------------------------------------------------------------
# qn_exit(code: i64): flush stdout, then end the process.
#   Arguments: rdi = exit status (the kernel keeps the low 8 bits).
#   Result:    never returns.
# ---------------------------------------------------------------------
        .globl qn_exit
qn_exit:
        pushq   %rbx                    # rsp is now 16-byte aligned
        movq    %rdi, %rbx              # keep the code safe across the call
        call    qn_flush
        movq    %rbx, %rdi
        movl    $SYS_EXIT_GROUP, %eax
        syscall                         # exit_group(code): no return

# ---------------------------------------------------------------------
# qn_panic(msg: pointer, len: i64): report a fatal error and stop.
#   Arguments: rdi = address of the message bytes, rsi = their count.
#   Result:    never returns.
# Flushes stdout (so earlier output is not lost), writes
# "panic: <msg>\n" to stderr (fd 2) and exits with status 101.
# ---------------------------------------------------------------------
        .globl qn_panic
qn_panic:
        pushq   %rbx
        pushq   %r12
        subq    $8, %rsp                # realign the stack to 16 bytes
        movq    %rdi, %rbx              # rbx = msg
        movq    %rsi, %r12              # r12 = len
        call    qn_flush
        movl    $2, %edi                # "panic: "
        leaq    qn_str_panic(%rip), %rsi
        movl    $7, %edx
        call    qn_write_all
        movl    $2, %edi                # the message itself
        movq    %rbx, %rsi
        movq    %r12, %rdx
        call    qn_write_all
        movl    $2, %edi                # "\n"
        leaq    qn_str_newline(%rip), %rsi
        movl    $1, %edx
        call    qn_write_all
        movl    $101, %edi
        movl    $SYS_EXIT_GROUP, %eax
        syscall                         # exit_group(101): no return

# ---------------------------------------------------------------------
# qn_flush(): write everything in the stdout buffer to fd 1.
#   Arguments: none.   Result: none.
# ---------------------------------------------------------------------
        .globl qn_flush
qn_flush:
        subq    $8, %rsp                # keep the stack 16-byte aligned
        movl    $1, %edi                # fd 1 = stdout
        leaq    qn_out_buf(%rip), %rsi
        movq    qn_out_len(%rip), %rdx
        call    qn_write_all
        movq    $0, qn_out_len(%rip)    # the buffer is empty again
        addq    $8, %rsp
        ret

# ---------------------------------------------------------------------
# qn_write_all(fd, buf, len): write all len bytes of buf to fd.
#   Arguments: rdi = fd, rsi = buffer address, rdx = byte count.
#   Result:    none.
# The kernel may write fewer bytes than asked ("short write"), so we
# loop until everything is out. A call interrupted by a signal (EINTR)
# is retried. Any other failure (e.g. EPIPE, EBADF) ends the process
# with status 1: there is nobody left to tell.
# ---------------------------------------------------------------------
qn_write_all:
.Lwrite_loop:
        testq   %rdx, %rdx              # nothing (left) to write?
        jle     .Lwrite_done
        movl    $SYS_WRITE, %eax        # write(fd, buf, len)
        syscall                         # keeps rdi, rsi, rdx
        cmpq    $-EINTR, %rax
        je      .Lwrite_loop            # interrupted: try again
        testq   %rax, %rax
        jle     .Lwrite_failed          # error (or no progress at all)
        addq    %rax, %rsi              # skip the bytes that were written
        subq    %rax, %rdx
        jmp     .Lwrite_loop
.Lwrite_done:
        ret
.Lwrite_failed:
        movl    $1, %edi
        movl    $SYS_EXIT_GROUP, %eax
        syscall                         # exit_group(1): no return

# ---------------------------------------------------------------------
# qn_put_bytes(buf, len): append len bytes to the stdout buffer.
#   Arguments: rdi = address of the bytes, rsi = byte count.
#   Result:    none.
# If the bytes do not fit in the free space, the buffer is flushed
# first. Pieces bigger than the whole buffer are written directly.
# ---------------------------------------------------------------------
qn_put_bytes:
        pushq   %rbx
        pushq   %r12
        subq    $8, %rsp                # realign the stack to 16 bytes
        movq    %rdi, %rbx              # rbx = source address
        movq    %rsi, %r12              # r12 = byte count
        movq    qn_out_len(%rip), %rax
        addq    %r12, %rax              # would the buffer overflow?
        cmpq    $QN_BUF_SIZE, %rax
        jbe     .Lput_fits
        call    qn_flush                # yes: make room
        cmpq    $QN_BUF_SIZE, %r12
        jbe     .Lput_fits
        movl    $1, %edi                # still too big: write it directly
        movq    %rbx, %rsi
        movq    %r12, %rdx
        call    qn_write_all
        jmp     .Lput_done
.Lput_fits:
        leaq    qn_out_buf(%rip), %rdi
        movq    qn_out_len(%rip), %rcx
        addq    %rcx, %rdi              # rdi = first free byte
        addq    %r12, %rcx
        movq    %rcx, qn_out_len(%rip)  # the buffer grows by len
.Lput_copy:                             # copy r12 bytes from rbx to rdi
        testq   %r12, %r12
        jz      .Lput_done
        movb    (%rbx), %al
        movb    %al, (%rdi)
        incq    %rbx
        incq    %rdi
        decq    %r12
        jmp     .Lput_copy
.Lput_done:
        addq    $8, %rsp
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_print_int(x: i64): print x in decimal, then a newline.
#   Arguments: rdi = the number.   Result: none.
# Digits are produced right to left into a small buffer on the stack.
# We divide the *magnitude* as an unsigned number, so INT64_MIN works:
# negating it gives 0x8000000000000000, which is 2^63 when read as
# unsigned.
# ---------------------------------------------------------------------
        .globl qn_print_int
qn_print_int:
        subq    $40, %rsp               # 40-byte text buffer, stack aligned
        leaq    40(%rsp), %rsi          # rsi = one past the end of the text
        decq    %rsi
        movb    $'\n', (%rsi)           # the text ends with a newline
        movq    %rdi, %r8               # r8 = x (to test the sign later)
        movq    %rdi, %rax
        testq   %rax, %rax
        jns     .Lpi_digits
        negq    %rax                    # rax = |x| as an unsigned number
.Lpi_digits:
        movl    $10, %ecx
.Lpi_digit_loop:
        xorl    %edx, %edx              # unsigned divide rdx:rax by 10
        divq    %rcx                    # rax = quotient, rdx = last digit
        addb    $'0', %dl
        decq    %rsi
        movb    %dl, (%rsi)
        testq   %rax, %rax
        jnz     .Lpi_digit_loop         # until no digits are left
        testq   %r8, %r8
        jns     .Lpi_emit
        decq    %rsi
        movb    $'-', (%rsi)            # negative: add the sign
.Lpi_emit:
        movq    %rsi, %rdi              # qn_put_bytes(text, end - text)
        leaq    40(%rsp), %rsi
        subq    %rdi, %rsi
        call    qn_put_bytes
        addq    $40, %rsp
        ret

# ---------------------------------------------------------------------
# qn_print_bool(b: i64): print "true\n" if b is nonzero, else "false\n".
#   Arguments: rdi = 0 or 1.   Result: none.
# ---------------------------------------------------------------------
        .globl qn_print_bool
qn_print_bool:
        testq   %rdi, %rdi
        jz      .Lpb_false
        leaq    qn_str_true(%rip), %rdi
        movl    $5, %esi
        jmp     qn_put_bytes            # tail call: it returns for us
.Lpb_false:
        leaq    qn_str_false(%rip), %rdi
        movl    $6, %esi
        jmp     qn_put_bytes            # tail call

# ---------------------------------------------------------------------
# qn_read_byte() -> i64: the next byte of stdin, or -1 at end of input.
#   Arguments: none.
#   Result:    rax = 0..255, or -1 when there is no more input.
# Bytes come from qn_in_buf; when it is used up we refill it with one
# read(0, ...) call of up to QN_BUF_SIZE bytes. A read error counts as
# end of input.
# ---------------------------------------------------------------------
qn_read_byte:
        movq    qn_in_pos(%rip), %rax
        cmpq    qn_in_len(%rip), %rax
        jb      .Lrb_have               # buffer still has bytes
.Lrb_refill:
        xorl    %edi, %edi              # read(0, qn_in_buf, QN_BUF_SIZE)
        leaq    qn_in_buf(%rip), %rsi
        movl    $QN_BUF_SIZE, %edx
        movl    $SYS_READ, %eax
        syscall
        cmpq    $-EINTR, %rax
        je      .Lrb_refill             # interrupted: try again
        testq   %rax, %rax
        jle     .Lrb_eof                # 0 = end of file, < 0 = error
        movq    %rax, qn_in_len(%rip)
        xorl    %eax, %eax              # start again at position 0
.Lrb_have:
        leaq    qn_in_buf(%rip), %rcx
        movzbl  (%rcx,%rax), %edx       # rdx = the byte (zero-extended)
        incq    %rax
        movq    %rax, qn_in_pos(%rip)
        movq    %rdx, %rax
        ret
.Lrb_eof:
        movq    $0, qn_in_pos(%rip)     # buffer is empty
        movq    $0, qn_in_len(%rip)
        movq    $-1, %rax
        ret

# ---------------------------------------------------------------------
# qn_read_int() -> i64: read one line of stdin as a decimal integer.
#   Arguments: none.
#   Result:    rax = the number.
# Accepted line:  [spaces/tabs] ['-'] digits [spaces/tabs] ['\r'] then
# '\n' or end of input. The value must fit in i64. Anything else (also
# an empty line, or no input at all) panics with "bad input".
# stdout is flushed first, so a prompt printed before is visible.
#
# Overflow check: we collect the magnitude m as an unsigned number and
# never let it pass 2^63 (the magnitude of INT64_MIN). Before m*10+d we
# require m <= 922337203685477580 (= floor(2^63 / 10)), so m*10+d is at
# most 2^63 + 9 and cannot wrap; then we require m*10+d <= 2^63.
# A positive number must in the end be <= 2^63 - 1.
# ---------------------------------------------------------------------
        .globl qn_read_int
qn_read_int:
        pushq   %rbx                    # rbx = magnitude m
        pushq   %r12                    # r12 = 1 if a '-' was seen
        pushq   %r13                    # r13 = number of digits seen
                                        # (3 pushes: stack is aligned)
        call    qn_flush
        xorl    %ebx, %ebx
        xorl    %r12d, %r12d
        xorl    %r13d, %r13d
.Lri_leading:                           # skip leading spaces and tabs
        call    qn_read_byte
        cmpq    $' ', %rax
        je      .Lri_leading
        cmpq    $'\t', %rax
        je      .Lri_leading
        cmpq    $'-', %rax
        jne     .Lri_digit_loop
        movl    $1, %r12d               # remember the sign
        call    qn_read_byte
.Lri_digit_loop:                        # rax = current character
        leaq    -'0'(%rax), %rcx        # rcx = digit value if a digit
        cmpq    $9, %rcx
        ja      .Lri_after_digits       # (unsigned: also catches < '0')
        movabsq $922337203685477580, %rdx
        cmpq    %rdx, %rbx
        ja      .Lri_bad                # m*10 would pass 2^63
        imulq   $10, %rbx
        addq    %rcx, %rbx              # m = m*10 + d
        movabsq $0x8000000000000000, %rdx
        cmpq    %rdx, %rbx
        ja      .Lri_bad                # m > 2^63 (unsigned compare)
        incq    %r13
        call    qn_read_byte
        jmp     .Lri_digit_loop
.Lri_after_digits:
        testq   %r13, %r13
        jz      .Lri_bad                # no digits at all
.Lri_trailing:                          # rax = first char after digits
        cmpq    $' ', %rax
        je      .Lri_next_trailing
        cmpq    $'\t', %rax
        je      .Lri_next_trailing
        cmpq    $'\r', %rax
        jne     .Lri_end_of_line
        call    qn_read_byte            # '\r' must end the line
        jmp     .Lri_end_of_line
.Lri_next_trailing:
        call    qn_read_byte
        jmp     .Lri_trailing
.Lri_end_of_line:
        cmpq    $'\n', %rax
        je      .Lri_ok
        cmpq    $-1, %rax               # end of input also ends the line
        jne     .Lri_bad
.Lri_ok:
        movq    %rbx, %rax
        testq   %r12, %r12
        jz      .Lri_positive
        negq    %rax                    # -(2^63) is INT64_MIN: fine
        jmp     .Lri_return
.Lri_positive:
        testq   %rax, %rax
        js      .Lri_bad                # m = 2^63 does not fit
.Lri_return:
        popq    %r13
        popq    %r12
        popq    %rbx
        ret
.Lri_bad:
        leaq    qn_msg_bad_input(%rip), %rdi
        movl    $9, %esi
        call    qn_panic                # does not return

# ---------------------------------------------------------------------
# qn_division_by_zero: the panic of `a / b` and `a % b` when b is 0.
#   Arguments: none.   Result: never returns.
# Compiled code divides inline (idivq) and jumps here when the divisor
# is 0 (`je qn_division_by_zero`). It jumps, it does not call: rsp is
# 16-byte aligned, as at every call in the compiled code, so we make
# the call to qn_panic ourselves.
# ---------------------------------------------------------------------
        .globl qn_division_by_zero
qn_division_by_zero:
        leaq    qn_msg_div_zero(%rip), %rdi
        movl    $16, %esi
        call    qn_panic                # does not return

# ---------------------------------------------------------------------
# qn_stack_overflow: the panic of a recursion too deep for the stack.
#   Arguments: none.   Result: never returns.
# Every function's prelude compares rsp, once its frame is made, with
# qn_stack_limit (set by _start) and jumps here when it is below
# (`jb qn_stack_overflow`). rsp may then be below the stack's end (by
# up to a frame), so the panic runs on a stack of its own
# (qn_panic_stack, 16-byte aligned like any stack at a call).
# ---------------------------------------------------------------------
        .globl qn_stack_overflow
qn_stack_overflow:
        leaq    qn_panic_stack_top(%rip), %rsp
        leaq    qn_msg_stack(%rip), %rdi
        movl    $14, %esi
        call    qn_panic                # does not return

# =====================================================================
# The heap (spec/heap.md). An object is rc, info, then its payload:
#   kind 1, fields:  info = 1 | n << 8 | mask << 16, 16 + 8*n bytes
#                    (a closure: its code at 16, not a reference, its captures from 24)
#   kind 2, array:   info = 2 | r << 8, length at 16, 24 + 8*length bytes
#   kind 3, string:  info = 3, length at 16, bytes from 24, 24 + length
# Memory comes from mmap. Sizes are rounded up to a multiple of 16;
# each size up to QN_SMALL_MAX has a free list of blocks of that size
# (linked through their first word), and new small blocks are cut from
# 1 MiB chunks. A bigger object gets its own mmap and is unmapped when
# freed.
# =====================================================================

# ---------------------------------------------------------------------
# qn_index_out_of_bounds: the panic of an index check that fails.
#   Arguments: none.   Result: never returns.
# Compiled code jumps here (like qn_division_by_zero) with rsp 16-byte
# aligned; qn_array jumps here for a negative length.
# ---------------------------------------------------------------------
        .globl qn_index_out_of_bounds
qn_index_out_of_bounds:
        leaq    qn_msg_index(%rip), %rdi
        movl    $19, %esi
        call    qn_panic                # does not return

# ---------------------------------------------------------------------
# qn_out_of_memory: the panic of an allocation that cannot be made.
#   Arguments: none.   Result: never returns.
# The heap routines jump here with rsp 16-byte aligned.
# ---------------------------------------------------------------------
qn_out_of_memory:
        leaq    qn_msg_memory(%rip), %rdi
        movl    $13, %esi
        call    qn_panic                # does not return

# ---------------------------------------------------------------------
# qn_mmap(bytes) -> pointer: new memory from the kernel, all zeros.
#   Arguments: rdi = the size (a multiple of QN_PAGE_SIZE).
#   Result:    rax = its address.
# mmap(NULL, bytes, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS,
# -1, 0). When it fails (a negative result: -errno) while the cache
# holds freed big mappings, they are unmapped (qn_big_flush) and mmap
# is tried once more: the cache never makes a program run out of
# memory. A failure with an empty cache panics "out of memory".
# ---------------------------------------------------------------------
qn_mmap:
        pushq   %rbx                    # rbx = bytes (the stack is aligned)
        movq    %rdi, %rbx
.Lmmap_try:
        movq    %rbx, %rsi              # length
        xorl    %edi, %edi              # address NULL: the kernel chooses
        movl    $PROT_READ_WRITE, %edx
        movl    $MAP_PRIVATE_ANON, %r10d
        movq    $-1, %r8                # no file ...
        xorl    %r9d, %r9d              # ... and no offset in it
        movl    $SYS_MMAP, %eax
        syscall
        testq   %rax, %rax
        jns     .Lmmap_done
        cmpq    $0, qn_big_count(%rip)
        je      qn_out_of_memory        # -errno, and nothing cached to give back
        call    qn_big_flush            # give the cache back, then try again
        jmp     .Lmmap_try
.Lmmap_done:
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# The cache of big mappings. Freeing a big object (above QN_SMALL_MAX)
# does not unmap it at once: its mapping (address, size in whole pages)
# is kept in qn_big_cache, and the next big object of exactly that
# mapped size takes it instead of a new mmap. So a program that makes
# and frees a big array again and again maps it once, and its pages
# are not faulted in again each time. The cache holds at most
# QN_BIG_CACHE mappings, the oldest first; when a freed mapping finds
# it full, the oldest is unmapped to make room. A cached mapping is
# not a live object: the leak check does not count it.
# ---------------------------------------------------------------------

# ---------------------------------------------------------------------
# qn_big_flush(): unmap every cached mapping; the cache is empty.
#   Arguments: none.   Result: none.
# ---------------------------------------------------------------------
qn_big_flush:
        leaq    qn_big_cache(%rip), %r8 # r8 = the next entry
        movq    qn_big_count(%rip), %r9 # r9 = entries left
.Lflush_loop:
        testq   %r9, %r9
        jz      .Lflush_done
        movq    (%r8), %rdi             # munmap(its address, its size)
        movq    8(%r8), %rsi
        movl    $SYS_MUNMAP, %eax
        syscall                         # keeps r8, r9
        addq    $16, %r8
        decq    %r9
        jmp     .Lflush_loop
.Lflush_done:
        movq    $0, qn_big_count(%rip)
        ret

# ---------------------------------------------------------------------
# qn_big_take(bytes) -> pointer: a cached mapping of this size, if any.
#   Arguments: rdi = the size (a multiple of QN_PAGE_SIZE).
#   Result:    rax = the newest cached mapping of exactly that size,
#              now out of the cache; 0 when there is none.
# ---------------------------------------------------------------------
qn_big_take:
        movq    qn_big_count(%rip), %rsi  # rsi = entries not looked at yet
        leaq    qn_big_cache(%rip), %rcx
.Ltake_loop:
        testq   %rsi, %rsi
        jz      .Ltake_none
        decq    %rsi                    # entry rsi: the newest first
        movq    %rsi, %rdx
        shlq    $4, %rdx
        cmpq    %rdi, 8(%rcx,%rdx)      # its size
        jne     .Ltake_loop
        movq    %rsi, %rdi              # found: qn_big_remove gives its address
        jmp     qn_big_remove           # tail call
.Ltake_none:
        xorl    %eax, %eax
        ret

# ---------------------------------------------------------------------
# qn_big_remove(i) -> (pointer, size): take entry i out of the cache.
#   Arguments: rdi = the entry's index (0 = the oldest).
#   Result:    rax = its address, rdx = its size. The newer entries
#              move down by one, so the order stays the oldest first.
# ---------------------------------------------------------------------
qn_big_remove:
        leaq    qn_big_cache(%rip), %rcx
        shlq    $4, %rdi
        addq    %rcx, %rdi              # rdi = &entry i
        movq    (%rdi), %rax            # its address
        movq    8(%rdi), %rdx           # and size
        movq    qn_big_count(%rip), %rsi
        decq    %rsi
        movq    %rsi, qn_big_count(%rip)  # one entry fewer
        shlq    $4, %rsi
        addq    %rcx, %rsi              # rsi = the end of the entries left
.Lremove_loop:                          # entries i+1 ... move down by one
        cmpq    %rsi, %rdi
        jae     .Lremove_done
        movq    16(%rdi), %rcx
        movq    %rcx, (%rdi)
        movq    24(%rdi), %rcx
        movq    %rcx, 8(%rdi)
        addq    $16, %rdi
        jmp     .Lremove_loop
.Lremove_done:
        ret

# ---------------------------------------------------------------------
# qn_big_keep(p, bytes): put a freed big mapping into the cache.
#   Arguments: rdi = its address, rsi = its size (whole pages).
#   Result:    none.
# When the cache is full, its oldest mapping is unmapped first.
# ---------------------------------------------------------------------
qn_big_keep:
        pushq   %rbx                    # rbx = p
        pushq   %r12                    # r12 = bytes
        subq    $8, %rsp                # realign the stack to 16 bytes
        movq    %rdi, %rbx
        movq    %rsi, %r12
        cmpq    $QN_BIG_CACHE, qn_big_count(%rip)
        jb      .Lkeep_room
        xorl    %edi, %edi              # full: take out the oldest ...
        call    qn_big_remove
        movq    %rax, %rdi              # ... and munmap(it, its size)
        movq    %rdx, %rsi
        movl    $SYS_MUNMAP, %eax
        syscall
.Lkeep_room:
        movq    qn_big_count(%rip), %rax
        leaq    1(%rax), %rcx
        movq    %rcx, qn_big_count(%rip)  # one entry more:
        shlq    $4, %rax
        leaq    qn_big_cache(%rip), %rcx
        movq    %rbx, (%rcx,%rax)       # the newest, (p, bytes)
        movq    %r12, 8(%rcx,%rax)
        addq    $8, %rsp
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_alloc(bytes: i64, info: i64) -> pointer: make a new object.
#   Arguments: rdi = its size in bytes (at least 16), rsi = its info.
#   Result:    rax = the object (16-byte aligned) with rc = 1 and info
#              set; the rest of its bytes are not initialised.
# The size is rounded up to a multiple of 16. Up to QN_SMALL_MAX, the
# block is the first one of its size class's free list or, when that
# list is empty, cut from the current chunk (when the chunk's rest is
# too small we map a new chunk and leave the rest unused). A bigger
# object takes whole pages: a cached mapping of that size
# (qn_big_take), or else a new mmap. The object is
# counted in qn_live_objects and qn_live_bytes (unrounded size).
# A size above QN_MAX_BYTES, or a failing mmap, panics "out of memory".
# ---------------------------------------------------------------------
        .globl qn_alloc
qn_alloc:
        pushq   %rbx                    # rbx = bytes
        pushq   %r12                    # r12 = info
        pushq   %r13                    # r13 = bytes rounded up to 16
                                        # (3 pushes: stack is aligned)
        movq    %rdi, %rbx
        movq    %rsi, %r12
        movabsq $QN_MAX_BYTES, %rax
        cmpq    %rax, %rbx
        ja      qn_out_of_memory        # too big (unsigned: or negative)
        leaq    15(%rbx), %r13
        andq    $-16, %r13
        cmpq    $QN_SMALL_MAX, %r13
        ja      .Lalloc_large
        movq    %r13, %rdx
        shrq    $4, %rdx                # rdx = size / 16 = 1 .. 64
        leaq    qn_free_lists-8(%rip), %rcx
        leaq    (%rcx,%rdx,8), %rcx     # rcx = &qn_free_lists[size/16 - 1]
        movq    (%rcx), %rax            # the first free block, if any
        testq   %rax, %rax
        jz      .Lalloc_cut
        movq    (%rax), %rdx            # take it off the list: its first
        movq    %rdx, (%rcx)            # word points to the next one
        jmp     .Lalloc_init
.Lalloc_cut:                            # no free block: cut one
        movq    qn_chunk_next(%rip), %rax
        leaq    (%rax,%r13), %rdx       # rdx = the end of the new block
        cmpq    qn_chunk_end(%rip), %rdx
        jbe     .Lalloc_cut_fits
        movl    $QN_CHUNK_SIZE, %edi    # the chunk is used up: a new one
        call    qn_mmap
        leaq    QN_CHUNK_SIZE(%rax), %rdx
        movq    %rdx, qn_chunk_end(%rip)
        leaq    (%rax,%r13), %rdx
.Lalloc_cut_fits:
        movq    %rdx, qn_chunk_next(%rip)
        jmp     .Lalloc_init
.Lalloc_large:                          # its own mapping, whole pages
        leaq    QN_PAGE_SIZE-1(%rbx), %r13
        andq    $-QN_PAGE_SIZE, %r13    # r13 = the size in whole pages
        movq    %r13, %rdi
        call    qn_big_take             # a freed mapping of that size?
        testq   %rax, %rax
        jnz     .Lalloc_init
        movq    %r13, %rdi              # no: a new one
        call    qn_mmap
.Lalloc_init:                           # rax = the new object
        movq    $1, (%rax)              # rc = 1
        movq    %r12, 8(%rax)           # info
        incq    qn_live_objects(%rip)
        addq    %rbx, qn_live_bytes(%rip)
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_array(length: i64, init: i64, info: i64) -> pointer: a new array.
#   Arguments: rdi = the length, rsi = every element's value,
#              rdx = info (2, plus bit 8 when the elements are references).
#   Result:    rax = the array: rc = 1, the length at 16, the elements
#              from 24.
# When the elements are references, init's rc goes up by length (one
# per element; the caller keeps its own reference).
# A negative length panics "index out of bounds". A length above
# QN_MAX_LENGTH (size 24 + 8*length above QN_MAX_BYTES) panics "out of
# memory"; we check it before multiplying, so nothing overflows.
# ---------------------------------------------------------------------
        .globl qn_array
qn_array:
        pushq   %rbx                    # rbx = length
        pushq   %r12                    # r12 = init
        pushq   %r13                    # r13 = info
                                        # (3 pushes: stack is aligned)
        testq   %rdi, %rdi
        js      qn_index_out_of_bounds  # a negative length
        movabsq $QN_MAX_LENGTH, %rax
        cmpq    %rax, %rdi
        ja      qn_out_of_memory        # far too long
        movq    %rdi, %rbx
        movq    %rsi, %r12
        movq    %rdx, %r13
        leaq    24(,%rdi,8), %rdi       # qn_alloc(24 + 8*length, info)
        movq    %r13, %rsi
        call    qn_alloc
        movq    %rbx, 16(%rax)          # the length
        leaq    24(%rax), %rdi          # rdi = the next element
        movq    %rbx, %rcx              # rcx = elements left
.Larray_fill:
        testq   %rcx, %rcx
        jz      .Larray_filled
        movq    %r12, (%rdi)
        addq    $8, %rdi
        decq    %rcx
        jmp     .Larray_fill
.Larray_filled:
        btq     $8, %r13
        jnc     .Larray_done            # the elements are not references
        addq    %rbx, (%r12)            # init's rc += length
.Larray_done:
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_free(p: pointer): give a dead object's memory back.
#   Arguments: rdi = the object (its references already released).
#   Result:    none.
# Its size comes from info (and the length of an array or a string).
# It leaves the leak check's counts. A small block goes to the front of
# its size class's free list; a big object's mapping goes to the cache
# (qn_big_keep), which unmaps the oldest one when it is full.
# ---------------------------------------------------------------------
qn_free:
        movq    8(%rdi), %rax           # rax = info
        cmpb    $1, %al
        je      .Lfree_fields
        movq    16(%rdi), %rsi          # rsi = the length
        cmpb    $2, %al
        jne     .Lfree_string
        leaq    24(,%rsi,8), %rsi       # an array: 24 + 8*length bytes
        jmp     .Lfree_sized
.Lfree_string:
        addq    $24, %rsi               # a string: 24 + length bytes
        jmp     .Lfree_sized
.Lfree_fields:
        shrq    $8, %rax
        movzbl  %al, %esi               # n = bits 8-15 of info
        leaq    16(,%rsi,8), %rsi       # fields: 16 + 8*n bytes
.Lfree_sized:                           # rsi = the object's size
        decq    qn_live_objects(%rip)
        subq    %rsi, qn_live_bytes(%rip)
        leaq    15(%rsi), %rdx
        andq    $-16, %rdx              # rdx = the size rounded up to 16
        cmpq    $QN_SMALL_MAX, %rdx
        ja      .Lfree_large
        shrq    $4, %rdx                # rdx = size / 16 = 1 .. 64
        leaq    qn_free_lists-8(%rip), %rcx
        leaq    (%rcx,%rdx,8), %rcx     # rcx = &qn_free_lists[size/16 - 1]
        movq    (%rcx), %rax
        movq    %rax, (%rdi)            # the block points to the old first
        movq    %rdi, (%rcx)            # and becomes the first
        ret
.Lfree_large:
        addq    $QN_PAGE_SIZE-1, %rsi   # qn_big_keep(p, size rounded up to pages)
        andq    $-QN_PAGE_SIZE, %rsi
        jmp     qn_big_keep             # tail call

# ---------------------------------------------------------------------
# qn_release(p: pointer): drop one reference to an object.
#   Arguments: rdi = the object.   Result: none.
# rc goes down by one. At zero the object is dead: every reference it
# holds (a field whose mask bit is set; each element of an array whose
# info has bit 8 set) is dropped in turn, which may kill more objects,
# and its memory is freed (qn_free).
# There is no recursion and no growing stack: the dead objects whose
# references are still to be dropped form a worklist, linked through
# their rc words (0 once dead, so free to hold the link). Freeing a
# list a million long takes the same few stack bytes as one object.
# String literals start at rc 2^62 and never reach zero.
# ---------------------------------------------------------------------
        .globl qn_release
qn_release:
        decq    (%rdi)                  # rc - 1
        jz      .Lrel_dead
        ret                             # still referenced: that is all
.Lrel_dead:
        pushq   %rbx                    # rbx = the worklist (0: empty)
        pushq   %r12                    # r12 = the dead object in hand
        subq    $8, %rsp                # realign the stack to 16 bytes
        movq    %rdi, %rbx              # worklist = p (its rc, 0, ends it)
.Lrel_next:
        testq   %rbx, %rbx
        jz      .Lrel_done
        movq    %rbx, %r12              # take the first dead object
        movq    (%r12), %rbx            # the list goes on at its link
        movq    8(%r12), %rax           # rax = info
        cmpb    $1, %al
        je      .Lrel_fields
        cmpb    $2, %al
        jne     .Lrel_free              # a string: no references
        btq     $8, %rax
        jnc     .Lrel_free              # an array of plain values
        leaq    24(%r12), %rsi          # rsi = the next element
        movq    16(%r12), %rcx          # rcx = elements left
.Lrel_elem_loop:
        testq   %rcx, %rcx
        jz      .Lrel_free
        movq    (%rsi), %rdi            # rdi = the element
        decq    (%rdi)                  # drop the reference
        jnz     .Lrel_elem_next
        movq    %rbx, (%rdi)            # dead too: put it on the worklist
        movq    %rdi, %rbx
.Lrel_elem_next:
        addq    $8, %rsi
        decq    %rcx
        jmp     .Lrel_elem_loop
.Lrel_fields:
        shrq    $16, %rax               # rax = the mask: bit i for field i
        leaq    16(%r12), %rsi          # rsi = field 0
.Lrel_field_loop:
        testq   %rax, %rax
        jz      .Lrel_free              # no references left
        testb   $1, %al
        jz      .Lrel_field_next        # this field is no reference
        movq    (%rsi), %rdi            # rdi = the field
        decq    (%rdi)                  # drop the reference
        jnz     .Lrel_field_next
        movq    %rbx, (%rdi)            # dead too: put it on the worklist
        movq    %rdi, %rbx
.Lrel_field_next:
        shrq    $1, %rax                # the next field's bit
        addq    $8, %rsi
        jmp     .Lrel_field_loop
.Lrel_free:
        movq    %r12, %rdi
        call    qn_free
        jmp     .Lrel_next
.Lrel_done:
        addq    $8, %rsp
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_copy_bytes(dst, src, n) -> pointer: copy n bytes.
#   Arguments: rdi = where to, rsi = where from, rdx = the byte count.
#   Result:    rax = dst + n (where the next bytes would go).
# ---------------------------------------------------------------------
qn_copy_bytes:
        movq    %rdi, %rax
.Lcopy_loop:
        testq   %rdx, %rdx
        jz      .Lcopy_done
        movb    (%rsi), %cl
        movb    %cl, (%rax)
        incq    %rsi
        incq    %rax
        decq    %rdx
        jmp     .Lcopy_loop
.Lcopy_done:
        ret

# ---------------------------------------------------------------------
# qn_concat(a: string, b: string) -> string: a's bytes then b's.
#   Arguments: rdi = a, rsi = b (borrowed: their rc do not change).
#   Result:    rax = the new string (rc = 1).
# ---------------------------------------------------------------------
        .globl qn_concat
qn_concat:
        pushq   %rbx                    # rbx = a
        pushq   %r12                    # r12 = b
        pushq   %r13                    # r13 = the new string s
                                        # (3 pushes: stack is aligned)
        movq    %rdi, %rbx
        movq    %rsi, %r12
        movq    16(%rbx), %rdi
        addq    16(%r12), %rdi          # qn_alloc(24 + a.len + b.len, 3)
        addq    $24, %rdi
        movl    $3, %esi
        call    qn_alloc
        movq    %rax, %r13
        movq    16(%rbx), %rax
        addq    16(%r12), %rax
        movq    %rax, 16(%r13)          # s.len = a.len + b.len
        leaq    24(%r13), %rdi          # a's bytes
        leaq    24(%rbx), %rsi
        movq    16(%rbx), %rdx
        call    qn_copy_bytes
        movq    %rax, %rdi              # then b's
        leaq    24(%r12), %rsi
        movq    16(%r12), %rdx
        call    qn_copy_bytes
        movq    %r13, %rax
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_string_eq(a: string, b: string) -> i64: are the bytes the same?
#   Arguments: rdi = a, rsi = b.
#   Result:    rax = 1 when they have the same length and bytes, else 0.
# ---------------------------------------------------------------------
        .globl qn_string_eq
qn_string_eq:
        cmpq    %rsi, %rdi
        je      .Lstreq_yes             # the same object
        movq    16(%rdi), %rcx          # rcx = bytes left to compare
        cmpq    16(%rsi), %rcx
        jne     .Lstreq_no              # different lengths
        addq    $24, %rdi
        addq    $24, %rsi
.Lstreq_loop:
        testq   %rcx, %rcx
        jz      .Lstreq_yes
        movb    (%rdi), %al
        cmpb    (%rsi), %al
        jne     .Lstreq_no
        incq    %rdi
        incq    %rsi
        decq    %rcx
        jmp     .Lstreq_loop
.Lstreq_yes:
        movl    $1, %eax
        ret
.Lstreq_no:
        xorl    %eax, %eax
        ret

# ---------------------------------------------------------------------
# qn_print_string(s: string): print s's bytes, then a newline.
#   Arguments: rdi = the string.   Result: none.
# Through the stdout buffer, like qn_print_int; qn_put_bytes writes a
# string longer than the buffer directly.
# ---------------------------------------------------------------------
        .globl qn_print_string
qn_print_string:
        subq    $8, %rsp                # keep the stack 16-byte aligned
        movq    16(%rdi), %rsi          # qn_put_bytes(s + 24, s.len)
        addq    $24, %rdi
        call    qn_put_bytes
        leaq    qn_str_newline(%rip), %rdi
        movl    $1, %esi
        addq    $8, %rsp
        jmp     qn_put_bytes            # tail call: it returns for us

# ---------------------------------------------------------------------
# qn_panic_string(s: string): panic with s's bytes as the message.
#   Arguments: rdi = the string.   Result: never returns.
# ---------------------------------------------------------------------
        .globl qn_panic_string
qn_panic_string:
        movq    16(%rdi), %rsi          # qn_panic(s + 24, s.len)
        addq    $24, %rdi
        jmp     qn_panic                # tail call: it never returns

# ---------------------------------------------------------------------
# qn_append_uint(dst, x) -> pointer: write x in decimal at dst.
#   Arguments: rdi = where to, rsi = the number (unsigned).
#   Result:    rax = one past the last digit written.
# Digits are produced right to left into a small buffer on the stack
# (as in qn_print_int), then copied to dst.
# ---------------------------------------------------------------------
qn_append_uint:
        subq    $40, %rsp               # 32-byte digit buffer, stack aligned
        leaq    32(%rsp), %r8           # r8 = one past the last digit
        movq    %rsi, %rax
        movl    $10, %ecx
.Lau_digit_loop:
        xorl    %edx, %edx              # unsigned divide rdx:rax by 10
        divq    %rcx                    # rax = quotient, rdx = last digit
        addb    $'0', %dl
        decq    %r8
        movb    %dl, (%r8)
        testq   %rax, %rax
        jnz     .Lau_digit_loop         # until no digits are left
        movq    %r8, %rsi               # qn_copy_bytes(dst, digits, count)
        leaq    32(%rsp), %rdx
        subq    %r8, %rdx
        call    qn_copy_bytes
        addq    $40, %rsp
        ret

# ---------------------------------------------------------------------
# qn_leak_check(): report the objects still live when main returns.
#   Arguments: none.   Result: none.
# Only when the environment variable QNANO_LEAK_CHECK is set and not
# empty: like getenv, we look for the first envp string that starts
# with "QNANO_LEAK_CHECK=" (the end of a shorter string, its 0 byte,
# never matches). Then stdout is flushed, so the report comes after the
# program's output, and
#     leak check: N objects, B bytes live\n
# is written to stderr, N = qn_live_objects and B = qn_live_bytes. The
# line is put together in a buffer on the stack.
# ---------------------------------------------------------------------
qn_leak_check:
        pushq   %rbx                    # rbx = the next envp entry
        subq    $96, %rsp               # 96-byte text buffer, stack aligned
        movq    qn_envp(%rip), %rbx
.Llc_env_loop:
        movq    (%rbx), %rsi            # rsi = "NAME=value", or NULL
        addq    $8, %rbx
        testq   %rsi, %rsi
        jz      .Llc_done               # not set: nothing to report
        leaq    qn_str_leak_var(%rip), %rdi
        xorl    %ecx, %ecx              # rcx = bytes compared
.Llc_compare:
        movb    (%rsi,%rcx), %al
        cmpb    (%rdi,%rcx), %al
        jne     .Llc_env_loop           # another variable
        incq    %rcx
        cmpq    $17, %rcx
        jb      .Llc_compare
        cmpb    $0, 17(%rsi)
        je      .Llc_done               # set to "": nothing to report
        call    qn_flush
        movq    %rsp, %rdi              # "leak check: "
        leaq    qn_str_leak_1(%rip), %rsi
        movl    $12, %edx
        call    qn_copy_bytes
        movq    %rax, %rdi              # N
        movq    qn_live_objects(%rip), %rsi
        call    qn_append_uint
        movq    %rax, %rdi              # " objects, "
        leaq    qn_str_leak_2(%rip), %rsi
        movl    $10, %edx
        call    qn_copy_bytes
        movq    %rax, %rdi              # B
        movq    qn_live_bytes(%rip), %rsi
        call    qn_append_uint
        movq    %rax, %rdi              # " bytes live\n"
        leaq    qn_str_leak_3(%rip), %rsi
        movl    $12, %edx
        call    qn_copy_bytes
        movq    %rax, %rdx              # qn_write_all(2, text, end - text)
        subq    %rsp, %rdx
        movq    %rsp, %rsi
        movl    $2, %edi
        call    qn_write_all
.Llc_done:
        addq    $96, %rsp
        popq    %rbx
        ret

# No executable stack needed.
        .section .note.GNU-stack,"",%progbits
