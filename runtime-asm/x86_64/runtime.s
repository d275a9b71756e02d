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
# The file aarch64/runtime.s is the same program for AArch64: same
# routines, same order, same label names. Read them side by side.

        .equ SYS_READ, 0
        .equ SYS_WRITE, 1
        .equ SYS_EXIT_GROUP, 231
        .equ SYS_PRLIMIT64, 302
        .equ RLIMIT_STACK, 3
        .equ QN_STACK_MAX, 8388608      # the stack used: at most 8 MiB ...
        .equ QN_STACK_MARGIN, 262144    # ... less 256 KiB kept for the runtime and argv/envp
        .equ EINTR, 4
        .equ QN_BUF_SIZE, 65536         # size of each I/O buffer

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

# ---------------------------------------------------------------------
# Zero-initialised data: the two I/O buffers and their bookkeeping.
# ---------------------------------------------------------------------
        .section .bss
        .balign 16
qn_out_buf:     .skip QN_BUF_SIZE       # bytes waiting to go to stdout
qn_in_buf:      .skip QN_BUF_SIZE       # bytes read from stdin, not yet used
qn_out_len:     .skip 8                 # number of bytes in qn_out_buf
qn_in_pos:      .skip 8                 # next unread byte of qn_in_buf
qn_in_len:      .skip 8                 # number of valid bytes in qn_in_buf
        .globl qn_stack_limit
qn_stack_limit: .skip 8                 # the lowest rsp a function's frame may reach
qn_rlimit:      .skip 16                # prlimit64's answer: soft and hard limit

        .text

# ---------------------------------------------------------------------
# _start: the entry point of the executable (the kernel jumps here).
#   Arguments: none (the stack holds argc/argv/envp, which we ignore).
#   Result:    never returns.
# Calls qn_main (the compiled program) and then exits like qn_exit(0).
# The kernel starts us with rsp 16-byte aligned, which is exactly what
# a `call` needs.
# ---------------------------------------------------------------------
        .globl _start
_start:
        xorl    %ebp, %ebp              # mark the outermost stack frame
        # qn_stack_limit = rsp - min(soft RLIMIT_STACK, QN_STACK_MAX) + QN_STACK_MARGIN
        xorl    %edi, %edi              # pid 0: this process
        movl    $RLIMIT_STACK, %esi
        xorl    %edx, %edx              # no new limit
        leaq    qn_rlimit(%rip), %r10   # where the old one goes
        movl    $SYS_PRLIMIT64, %eax
        syscall
        movq    $QN_STACK_MAX, %rcx
        testq   %rax, %rax
        jnz     1f                      # no answer: assume QN_STACK_MAX
        movq    qn_rlimit(%rip), %rax   # the soft limit (unsigned; infinity is all ones)
        cmpq    %rcx, %rax
        cmovbq  %rax, %rcx
1:      movq    %rsp, %rax
        subq    %rcx, %rax
        addq    $QN_STACK_MARGIN, %rax
        movq    %rax, qn_stack_limit(%rip)
        call    qn_main
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
# (`jb qn_stack_overflow`). The stack is 16-byte aligned there, and
# QN_STACK_MARGIN bytes are left for the panic's own calls.
# ---------------------------------------------------------------------
        .globl qn_stack_overflow
qn_stack_overflow:
        leaq    qn_msg_stack(%rip), %rdi
        movl    $14, %esi
        call    qn_panic                # does not return

# No executable stack needed.
        .section .note.GNU-stack,"",%progbits
