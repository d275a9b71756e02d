// qnano runtime for AArch64 Linux (GNU as syntax).
//
// This file is the whole "standard library" of a Quastra program. It is
// linked together with the compiled program into a static executable;
// there is no libc: we talk to the kernel directly with the `svc #0`
// instruction (x8 = system call number, args in x0, x1, x2; the
// result comes back in x0, negative values are -errno; no other
// register is changed).
//
// Calling convention: AAPCS64. Arguments in x0, x1, x2, ..., result in
// x0. Routines keep x19-x29 and sp unchanged (callee-saved); x30 (lr)
// holds the return address, so a routine that calls another one saves
// it first. sp must always stay 16-byte aligned.
//
// The file x86_64/runtime.s is the same program for x86-64: same
// routines, same order, same label names. Read them side by side.

        .equ SYS_READ, 63
        .equ SYS_WRITE, 64
        .equ SYS_EXIT_GROUP, 94
        .equ SYS_PRLIMIT64, 261
        .equ RLIMIT_STACK, 3
        .equ QN_STACK_MAX, 8388608      // the stack used: at most 8 MiB ...
        .equ QN_STACK_MARGIN, 262144    // ... less 256 KiB kept for the runtime and argv/envp
        .equ EINTR, 4
        .equ QN_BUF_SIZE, 65536         // size of each I/O buffer

// ---------------------------------------------------------------------
// Read-only data: fixed strings.
// ---------------------------------------------------------------------
        .section .rodata
qn_str_true:            .ascii "true\n"         // 5 bytes
qn_str_false:           .ascii "false\n"        // 6 bytes
qn_str_panic:           .ascii "panic: "        // 7 bytes
qn_str_newline:         .ascii "\n"             // 1 byte
qn_msg_bad_input:       .ascii "bad input"      // 9 bytes
qn_msg_div_zero:        .ascii "division by zero"  // 16 bytes
qn_msg_stack:           .ascii "stack overflow"    // 14 bytes

// ---------------------------------------------------------------------
// Zero-initialised data: the two I/O buffers and their bookkeeping.
// ---------------------------------------------------------------------
        .section .bss
        .balign 16
qn_out_buf:     .skip QN_BUF_SIZE       // bytes waiting to go to stdout
qn_in_buf:      .skip QN_BUF_SIZE       // bytes read from stdin, not yet used
qn_out_len:     .skip 8                 // number of bytes in qn_out_buf
qn_in_pos:      .skip 8                 // next unread byte of qn_in_buf
qn_in_len:      .skip 8                 // number of valid bytes in qn_in_buf
        .globl qn_stack_limit
qn_stack_limit: .skip 8                 // the lowest sp a function's frame may reach
qn_rlimit:      .skip 16                // prlimit64's answer: soft and hard limit

        .text

// ---------------------------------------------------------------------
// _start: the entry point of the executable (the kernel jumps here).
//   Arguments: none (the stack holds argc/argv/envp, which we ignore).
//   Result:    never returns.
// Calls qn_main (the compiled program) and then exits like qn_exit(0).
// The kernel starts us with sp 16-byte aligned.
// ---------------------------------------------------------------------
        .globl _start
_start:
        mov     x29, #0                 // mark the outermost stack frame
        mov     x30, #0
        // qn_stack_limit = sp - min(soft RLIMIT_STACK, QN_STACK_MAX) + QN_STACK_MARGIN
        mov     x0, #0                  // pid 0: this process
        mov     x1, #RLIMIT_STACK
        mov     x2, #0                  // no new limit
        adrp    x3, qn_rlimit           // where the old one goes
        add     x3, x3, :lo12:qn_rlimit
        mov     x8, #SYS_PRLIMIT64
        svc     #0
        ldr     x1, =QN_STACK_MAX
        cbnz    x0, 1f                  // no answer: assume QN_STACK_MAX
        adrp    x3, qn_rlimit
        ldr     x0, [x3, :lo12:qn_rlimit]  // the soft limit (unsigned; infinity is all ones)
        cmp     x0, x1
        csel    x1, x0, x1, lo
1:      mov     x0, sp
        sub     x0, x0, x1
        ldr     x1, =QN_STACK_MARGIN
        add     x0, x0, x1
        adrp    x3, qn_stack_limit
        str     x0, [x3, :lo12:qn_stack_limit]
        bl      qn_main
        mov     x0, #0                  // exit code 0
        bl      qn_exit                 // does not return

// ---------------------------------------------------------------------
// qn_exit(code: i64): flush stdout, then end the process.
//   Arguments: x0 = exit status (the kernel keeps the low 8 bits).
//   Result:    never returns.
// ---------------------------------------------------------------------
        .globl qn_exit
qn_exit:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19
        mov     x29, sp
        str     x19, [sp, #16]
        mov     x19, x0                 // keep the code safe across the call
        bl      qn_flush
        mov     x0, x19
        mov     x8, #SYS_EXIT_GROUP
        svc     #0                      // exit_group(code): no return

// ---------------------------------------------------------------------
// qn_panic(msg: pointer, len: i64): report a fatal error and stop.
//   Arguments: x0 = address of the message bytes, x1 = their count.
//   Result:    never returns.
// Flushes stdout (so earlier output is not lost), writes
// "panic: <msg>\n" to stderr (fd 2) and exits with status 101.
// ---------------------------------------------------------------------
        .globl qn_panic
qn_panic:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19, x20
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        mov     x19, x0                 // x19 = msg
        mov     x20, x1                 // x20 = len
        bl      qn_flush
        mov     x0, #2                  // "panic: "
        adrp    x1, qn_str_panic
        add     x1, x1, :lo12:qn_str_panic
        mov     x2, #7
        bl      qn_write_all
        mov     x0, #2                  // the message itself
        mov     x1, x19
        mov     x2, x20
        bl      qn_write_all
        mov     x0, #2                  // "\n"
        adrp    x1, qn_str_newline
        add     x1, x1, :lo12:qn_str_newline
        mov     x2, #1
        bl      qn_write_all
        mov     x0, #101
        mov     x8, #SYS_EXIT_GROUP
        svc     #0                      // exit_group(101): no return

// ---------------------------------------------------------------------
// qn_flush(): write everything in the stdout buffer to fd 1.
//   Arguments: none.   Result: none.
// ---------------------------------------------------------------------
        .globl qn_flush
qn_flush:
        stp     x29, x30, [sp, #-16]!   // save fp and lr (we call out)
        mov     x29, sp
        mov     x0, #1                  // fd 1 = stdout
        adrp    x1, qn_out_buf
        add     x1, x1, :lo12:qn_out_buf
        adrp    x9, qn_out_len
        ldr     x2, [x9, :lo12:qn_out_len]
        bl      qn_write_all
        adrp    x9, qn_out_len
        str     xzr, [x9, :lo12:qn_out_len]  // the buffer is empty again
        ldp     x29, x30, [sp], #16
        ret

// ---------------------------------------------------------------------
// qn_write_all(fd, buf, len): write all len bytes of buf to fd.
//   Arguments: x0 = fd, x1 = buffer address, x2 = byte count.
//   Result:    none.
// The kernel may write fewer bytes than asked ("short write"), so we
// loop until everything is out. A call interrupted by a signal (EINTR)
// is retried. Any other failure (e.g. EPIPE, EBADF) ends the process
// with status 1: there is nobody left to tell.
// ---------------------------------------------------------------------
qn_write_all:
        mov     x9, x0                  // x9 = fd (svc overwrites x0)
.Lwrite_loop:
        cmp     x2, #0                  // nothing (left) to write?
        b.le    .Lwrite_done
        mov     x0, x9                  // write(fd, buf, len)
        mov     x8, #SYS_WRITE
        svc     #0
        cmn     x0, #EINTR              // x0 == -EINTR ?
        b.eq    .Lwrite_loop            // interrupted: try again
        cmp     x0, #0
        b.le    .Lwrite_failed          // error (or no progress at all)
        add     x1, x1, x0              // skip the bytes that were written
        sub     x2, x2, x0
        b       .Lwrite_loop
.Lwrite_done:
        ret
.Lwrite_failed:
        mov     x0, #1
        mov     x8, #SYS_EXIT_GROUP
        svc     #0                      // exit_group(1): no return

// ---------------------------------------------------------------------
// qn_put_bytes(buf, len): append len bytes to the stdout buffer.
//   Arguments: x0 = address of the bytes, x1 = byte count.
//   Result:    none.
// If the bytes do not fit in the free space, the buffer is flushed
// first. Pieces bigger than the whole buffer are written directly.
// ---------------------------------------------------------------------
qn_put_bytes:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19, x20
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        mov     x19, x0                 // x19 = source address
        mov     x20, x1                 // x20 = byte count
        adrp    x9, qn_out_len
        ldr     x10, [x9, :lo12:qn_out_len]
        add     x10, x10, x20           // would the buffer overflow?
        cmp     x10, #QN_BUF_SIZE
        b.ls    .Lput_fits
        bl      qn_flush                // yes: make room
        cmp     x20, #QN_BUF_SIZE
        b.ls    .Lput_fits
        mov     x0, #1                  // still too big: write it directly
        mov     x1, x19
        mov     x2, x20
        bl      qn_write_all
        b       .Lput_done
.Lput_fits:
        adrp    x0, qn_out_buf
        add     x0, x0, :lo12:qn_out_buf
        adrp    x9, qn_out_len
        ldr     x10, [x9, :lo12:qn_out_len]
        add     x0, x0, x10             // x0 = first free byte
        add     x10, x10, x20
        str     x10, [x9, :lo12:qn_out_len]  // the buffer grows by len
.Lput_copy:                             // copy x20 bytes from x19 to x0
        cbz     x20, .Lput_done
        ldrb    w11, [x19], #1          // load a byte, advance x19
        strb    w11, [x0], #1           // store it, advance x0
        sub     x20, x20, #1
        b       .Lput_copy
.Lput_done:
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// qn_print_int(x: i64): print x in decimal, then a newline.
//   Arguments: x0 = the number.   Result: none.
// Digits are produced right to left into a small buffer on the stack.
// We divide the *magnitude* as an unsigned number, so INT64_MIN works:
// negating it gives 0x8000000000000000, which is 2^63 when read as
// unsigned.
// ---------------------------------------------------------------------
        .globl qn_print_int
qn_print_int:
        stp     x29, x30, [sp, #-48]!   // fp, lr + 32-byte text buffer
        mov     x29, sp
        add     x1, sp, #48             // x1 = one past the end of the text
        mov     w9, #'\n'
        strb    w9, [x1, #-1]!          // the text ends with a newline
        cmp     x0, #0
        cneg    x2, x0, lt              // x2 = |x| as an unsigned number
        mov     x3, #10
.Lpi_digit_loop:
        udiv    x4, x2, x3              // x4 = x2 / 10 (unsigned)
        msub    x5, x4, x3, x2          // x5 = x2 - x4*10 = last digit
        add     w5, w5, #'0'
        strb    w5, [x1, #-1]!
        mov     x2, x4
        cbnz    x2, .Lpi_digit_loop     // until no digits are left
        cmp     x0, #0
        b.ge    .Lpi_emit
        mov     w9, #'-'
        strb    w9, [x1, #-1]!          // negative: add the sign
.Lpi_emit:
        mov     x0, x1                  // qn_put_bytes(text, end - text)
        add     x1, sp, #48
        sub     x1, x1, x0
        bl      qn_put_bytes
        ldp     x29, x30, [sp], #48
        ret

// ---------------------------------------------------------------------
// qn_print_bool(b: i64): print "true\n" if b is nonzero, else "false\n".
//   Arguments: x0 = 0 or 1.   Result: none.
// ---------------------------------------------------------------------
        .globl qn_print_bool
qn_print_bool:
        cbz     x0, .Lpb_false
        adrp    x0, qn_str_true
        add     x0, x0, :lo12:qn_str_true
        mov     x1, #5
        b       qn_put_bytes            // tail call: it returns for us
.Lpb_false:
        adrp    x0, qn_str_false
        add     x0, x0, :lo12:qn_str_false
        mov     x1, #6
        b       qn_put_bytes            // tail call

// ---------------------------------------------------------------------
// qn_read_byte() -> i64: the next byte of stdin, or -1 at end of input.
//   Arguments: none.
//   Result:    x0 = 0..255, or -1 when there is no more input.
// Bytes come from qn_in_buf; when it is used up we refill it with one
// read(0, ...) call of up to QN_BUF_SIZE bytes. A read error counts as
// end of input.
// ---------------------------------------------------------------------
qn_read_byte:
        adrp    x9, qn_in_pos
        ldr     x0, [x9, :lo12:qn_in_pos]
        adrp    x10, qn_in_len
        ldr     x11, [x10, :lo12:qn_in_len]
        cmp     x0, x11
        b.lo    .Lrb_have               // buffer still has bytes
.Lrb_refill:
        mov     x0, #0                  // read(0, qn_in_buf, QN_BUF_SIZE)
        adrp    x1, qn_in_buf
        add     x1, x1, :lo12:qn_in_buf
        mov     x2, #QN_BUF_SIZE
        mov     x8, #SYS_READ
        svc     #0
        cmn     x0, #EINTR              // x0 == -EINTR ?
        b.eq    .Lrb_refill             // interrupted: try again
        cmp     x0, #0
        b.le    .Lrb_eof                // 0 = end of file, < 0 = error
        str     x0, [x10, :lo12:qn_in_len]
        mov     x0, #0                  // start again at position 0
.Lrb_have:
        adrp    x11, qn_in_buf
        add     x11, x11, :lo12:qn_in_buf
        ldrb    w12, [x11, x0]          // x12 = the byte (zero-extended)
        add     x0, x0, #1
        str     x0, [x9, :lo12:qn_in_pos]
        mov     x0, x12
        ret
.Lrb_eof:
        str     xzr, [x9, :lo12:qn_in_pos]  // buffer is empty
        str     xzr, [x10, :lo12:qn_in_len]
        mov     x0, #-1
        ret

// ---------------------------------------------------------------------
// qn_read_int() -> i64: read one line of stdin as a decimal integer.
//   Arguments: none.
//   Result:    x0 = the number.
// Accepted line:  [spaces/tabs] ['-'] digits [spaces/tabs] ['\r'] then
// '\n' or end of input. The value must fit in i64. Anything else (also
// an empty line, or no input at all) panics with "bad input".
// stdout is flushed first, so a prompt printed before is visible.
//
// Overflow check: we collect the magnitude m as an unsigned number and
// never let it pass 2^63 (the magnitude of INT64_MIN). Before m*10+d we
// require m <= 922337203685477580 (= floor(2^63 / 10)), so m*10+d is at
// most 2^63 + 9 and cannot wrap; then we require m*10+d <= 2^63.
// A positive number must in the end be <= 2^63 - 1.
// ---------------------------------------------------------------------
        .globl qn_read_int
qn_read_int:
        stp     x29, x30, [sp, #-48]!   // frame: fp, lr, x19, x20, x21
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = magnitude m
                                        // x20 = 1 if a '-' was seen
        str     x21, [sp, #32]          // x21 = number of digits seen
        bl      qn_flush
        mov     x19, #0
        mov     x20, #0
        mov     x21, #0
.Lri_leading:                           // skip leading spaces and tabs
        bl      qn_read_byte
        cmp     x0, #' '
        b.eq    .Lri_leading
        cmp     x0, #'\t'
        b.eq    .Lri_leading
        cmp     x0, #'-'
        b.ne    .Lri_digit_loop
        mov     x20, #1                 // remember the sign
        bl      qn_read_byte
.Lri_digit_loop:                        // x0 = current character
        sub     x1, x0, #'0'            // x1 = digit value if a digit
        cmp     x1, #9
        b.hi    .Lri_after_digits       // (unsigned: also catches < '0')
        ldr     x2, =922337203685477580
        cmp     x19, x2
        b.hi    .Lri_bad                // m*10 would pass 2^63
        mov     x3, #10
        madd    x19, x19, x3, x1        // m = m*10 + d
        mov     x2, #0x8000000000000000
        cmp     x19, x2
        b.hi    .Lri_bad                // m > 2^63 (unsigned compare)
        add     x21, x21, #1
        bl      qn_read_byte
        b       .Lri_digit_loop
.Lri_after_digits:
        cbz     x21, .Lri_bad           // no digits at all
.Lri_trailing:                          // x0 = first char after digits
        cmp     x0, #' '
        b.eq    .Lri_next_trailing
        cmp     x0, #'\t'
        b.eq    .Lri_next_trailing
        cmp     x0, #'\r'
        b.ne    .Lri_end_of_line
        bl      qn_read_byte            // '\r' must end the line
        b       .Lri_end_of_line
.Lri_next_trailing:
        bl      qn_read_byte
        b       .Lri_trailing
.Lri_end_of_line:
        cmp     x0, #'\n'
        b.eq    .Lri_ok
        cmn     x0, #1                  // end of input also ends the line
        b.ne    .Lri_bad
.Lri_ok:
        mov     x0, x19
        cbz     x20, .Lri_positive
        neg     x0, x0                  // -(2^63) is INT64_MIN: fine
        b       .Lri_return
.Lri_positive:
        tbnz    x0, #63, .Lri_bad       // m = 2^63 does not fit
.Lri_return:
        ldr     x21, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        ret
.Lri_bad:
        adrp    x0, qn_msg_bad_input
        add     x0, x0, :lo12:qn_msg_bad_input
        mov     x1, #9
        bl      qn_panic                // does not return

// ---------------------------------------------------------------------
// qn_division_by_zero: the panic of `a / b` and `a % b` when b is 0.
//   Arguments: none.   Result: never returns.
// Compiled code divides inline (sdiv) and branches here when the
// divisor is 0 (`cbz b, qn_division_by_zero`). It branches, it does
// not call (x30 is not a return address), so we make the call to
// qn_panic ourselves.
// ---------------------------------------------------------------------
        .globl qn_division_by_zero
qn_division_by_zero:
        adrp    x0, qn_msg_div_zero
        add     x0, x0, :lo12:qn_msg_div_zero
        mov     x1, #16
        bl      qn_panic                // does not return

// ---------------------------------------------------------------------
// qn_stack_overflow: the panic of a recursion too deep for the stack.
//   Arguments: none.   Result: never returns.
// Every function's prelude compares sp, once its frame is made, with
// qn_stack_limit (set by _start) and branches here when it is below
// (`b.lo qn_stack_overflow`). QN_STACK_MARGIN bytes are left for the
// panic's own calls.
// ---------------------------------------------------------------------
        .globl qn_stack_overflow
qn_stack_overflow:
        adrp    x0, qn_msg_stack
        add     x0, x0, :lo12:qn_msg_stack
        mov     x1, #14
        bl      qn_panic                // does not return

// The literal pool (for `ldr x2, =...` above) goes here.
        .ltorg

// No executable stack needed.
        .section .note.GNU-stack,"",%progbits
