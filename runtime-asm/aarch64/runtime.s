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
// Heap objects (spec/heap.md) start with two words, rc and info; the
// pointer to an object points at its rc. qn_alloc, qn_array, qn_release
// and the string routines at the end of this file manage them.
//
// The file x86_64/runtime.s is the same program for x86-64: same
// routines, same order, same label names. Read them side by side.

        .equ SYS_READ, 63
        .equ SYS_WRITE, 64
        .equ SYS_EXIT_GROUP, 94
        .equ SYS_PRLIMIT64, 261
        .equ SYS_MMAP, 222
        .equ SYS_MUNMAP, 215
        .equ RLIMIT_STACK, 3
        .equ RLIMIT_AS, 9
        .equ SYS_SYSINFO, 179
        .equ SYSINFO_SIZE, 112          // struct sysinfo: totalram, totalswap and mem_unit at these offsets
        .equ SYSINFO_TOTALRAM, 32
        .equ SYSINFO_TOTALSWAP, 64
        .equ SYSINFO_MEM_UNIT, 104
        .equ AT_PAGESZ, 6               // auxiliary vector: the page size
        .equ AT_EXECFN, 31              // ... and the program's file name, at the stack's top
        .equ QN_STACK_MAX, 8388608      // the stack used: at most 8 MiB (spec/calls.md) ...
        .equ QN_STACK_RESERVE, 8192     // ... and 8 KiB of it kept below qn_stack_limit
        .equ QN_PANIC_STACK, 1024       // qn_stack_overflow's own stack
        .equ EINTR, 4
        .equ QN_BUF_SIZE, 65536         // size of each I/O buffer
        .equ PROT_READ_WRITE, 3         // mmap: PROT_READ | PROT_WRITE
        .equ MAP_PRIVATE_ANON, 0x22     // mmap: MAP_PRIVATE | MAP_ANONYMOUS
        .equ QN_PAGE_SIZE, 4096         // big objects take whole pages (*)
        .equ QN_CHUNK_SIZE, 1048576     // small objects are cut from 1 MiB chunks
        .equ QN_SMALL_MAX, 1024         // the largest size class (16, 32, ..., 1024)
        .equ QN_BIG_CACHE, 4            // freed big mappings kept for reuse, at most
        .equ QN_MAX_BYTES, 0x1000000000000  // 2^48: no object is bigger, so sizes never overflow
        .equ QN_MAX_LENGTH, (QN_MAX_BYTES - 24) / 8  // the longest array
        .equ QN_MAX_BYTES_LENGTH, QN_MAX_BYTES - 24  // the longest array of bytes
        // Tasks, scopes and channels (runtime-asm/README.md, "Concurrency"):
        // the byte offsets of their words.
        .equ TASK_NEXT, 16              // task: the next task in the queue it is in
        .equ TASK_CODE, 24              //   what it runs: code(env)
        .equ TASK_ENV, 32
        .equ TASK_SCOPE, 40             //   the scope it belongs to
        .equ TASK_SP, 48                //   its stack pointer when it stopped; 0: not started
        .equ TASK_STACK, 56             //   its saved stack (an array of words), or 0
        .equ TASK_VALUE, 64             //   the value it sends, or receives
        .equ TASK_FLAG, 72              //   1: a partner took or gave the value; 0: close woke it
        .equ TASK_BYTES, 80
        .equ TASK_INFO, 1 | 8 << 8      //   8 fields, none a counted reference
        .equ SCOPE_LIVE, 16             // scope: how many of its tasks have not finished
        .equ SCOPE_WAITER, 24           //   the task waiting at its end, or 0
        .equ SCOPE_BYTES, 32
        .equ SCOPE_INFO, 1 | 2 << 8
        .equ CHAN_CAP, 16               // channel (kind 4): its capacity
        .equ CHAN_COUNT, 24             //   how many values the ring holds
        .equ CHAN_HEAD, 32              //   the oldest one's index in the ring
        .equ CHAN_CLOSED, 40            //   1 once closed
        .equ CHAN_RECEIVERS, 48         //   waiting receivers: a queue (first, last)
        .equ CHAN_SENDERS, 64           //   blocked senders: a queue (first, last)
        .equ CHAN_RING, 80              //   the ring: capacity words
        .equ QN_MAX_CAPACITY, (QN_MAX_BYTES - CHAN_RING) / 8  // the largest channel
// (*) An AArch64 kernel may use 16 or 64 KiB pages; mmap and munmap
// round a length up to whole pages themselves, so 4096 still works.

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
qn_msg_index:           .ascii "index out of bounds"  // 19 bytes
qn_msg_memory:          .ascii "out of memory"     // 13 bytes
qn_msg_deadlock:        .ascii "deadlock"          // 8 bytes
qn_msg_send_closed:     .ascii "send on closed channel"  // 22 bytes
qn_msg_capacity:        .ascii "bad channel capacity"    // 20 bytes
qn_str_leak_var:        .ascii "QNANO_LEAK_CHECK=" // 17 bytes
qn_str_leak_1:          .ascii "leak check: "      // 12 bytes
qn_str_leak_2:          .ascii " objects, "        // 10 bytes
qn_str_leak_3:          .ascii " bytes live\n"     // 12 bytes

// ---------------------------------------------------------------------
// Zero-initialised data: the two I/O buffers and their bookkeeping,
// the heap's free lists, chunk and cache of big mappings, and the leak
// check's counts.
// ---------------------------------------------------------------------
        .section .bss
        .balign 16
qn_panic_stack: .skip QN_PANIC_STACK    // the stack qn_stack_overflow panics on, ...
qn_panic_stack_top:                     // ... from here down
qn_out_buf:     .skip QN_BUF_SIZE       // bytes waiting to go to stdout
qn_in_buf:      .skip QN_BUF_SIZE       // bytes read from stdin, not yet used
qn_out_len:     .skip 8                 // number of bytes in qn_out_buf
qn_in_pos:      .skip 8                 // next unread byte of qn_in_buf
qn_in_len:      .skip 8                 // number of valid bytes in qn_in_buf
        .globl qn_stack_limit
qn_stack_limit: .skip 8                 // the lowest sp a function's frame may reach
qn_rlimit:      .skip 16                // prlimit64's answer: soft and hard limit
qn_envp:        .skip 8                 // the environment: "NAME=value" pointers, then NULL
qn_free_lists:  .skip 64 * 8            // first free block of each size class (16 .. 1024 bytes)
qn_chunk_next:  .skip 8                 // the next unused byte of the current chunk
qn_chunk_end:   .skip 8                 // the end of the current chunk
qn_big_count:   .skip 8                 // freed big mappings in the cache (0 .. QN_BIG_CACHE)
qn_big_cache:   .skip QN_BIG_CACHE * 16 // their (address, size) pairs, the oldest first
qn_live_objects: .skip 8                // objects made and not yet freed
qn_live_bytes:  .skip 8                 // the sum of their sizes (before rounding)
qn_current:     .skip 8                 // the task that runs
qn_ready:       .skip 16                // the ready queue: its first and last task
qn_run_top:     .skip 8                 // the top of the stack every task runs on
qn_main_task:   .skip TASK_BYTES        // main's task (not a heap object)

        .text

// ---------------------------------------------------------------------
// _start: the entry point of the executable (the kernel jumps here).
//   Arguments: none (the stack holds argc, the argv pointers, a NULL,
//              the envp pointers, a NULL and the auxiliary vector;
//              we keep envp in qn_envp).
//   Result:    never returns.
// Sets qn_stack_limit, makes main the current task, with the stack's top
// here (qn_run_top: every task's stack starts there), calls qn_main (the
// compiled program), frees main's saved stack if it ever stopped, reports
// leaks if asked to (qn_leak_check) and then exits like qn_exit(0).
// The kernel starts us with sp 16-byte aligned.
// ---------------------------------------------------------------------
        .globl _start
_start:
        mov     x29, #0                 // mark the outermost stack frame
        mov     x30, #0
        ldr     x0, [sp]                // x0 = argc
        add     x0, sp, x0, lsl #3
        add     x0, x0, #16             // envp = sp + 8 + 8*argc + 8 (argv's NULL)
        adrp    x1, qn_envp
        str     x0, [x1, :lo12:qn_envp]
        // qn_stack_limit = top - S + QN_STACK_RESERVE (spec/calls.md): the
        // stack's top is right above the program's file name, the first
        // string the kernel put there (auxiliary vector AT_EXECFN,
        // after envp's NULL: (type, value) pairs up to type 0); S is
        // min(soft RLIMIT_STACK, QN_STACK_MAX) in whole pages (AT_PAGESZ).
        mov     x4, sp                  // x4 = the top (sp if AT_EXECFN is missing)
        mov     x5, #QN_PAGE_SIZE       // x5 = the page size (if AT_PAGESZ is missing)
1:      ldr     x1, [x0], #8            // skip the envp pointers and their NULL
        cbnz    x1, 1b
2:      ldp     x1, x2, [x0], #16       // x1 = the entry's type, x2 = its value
        cmp     x1, #AT_PAGESZ
        csel    x5, x2, x5, eq
        cmp     x1, #AT_EXECFN
        b.ne    4f
3:      ldrb    w3, [x2], #1            // find the file name's NUL
        cbnz    w3, 3b
        add     x4, x2, #8              // then a NULL word, then the top
4:      cbnz    x1, 2b
        mov     x0, #0                  // pid 0: this process
        mov     x1, #RLIMIT_STACK
        mov     x2, #0                  // no new limit
        adrp    x3, qn_rlimit           // where the old one goes
        add     x3, x3, :lo12:qn_rlimit
        mov     x8, #SYS_PRLIMIT64
        svc     #0                      // keeps x4 and x5
        ldr     x1, =QN_STACK_MAX
        cbnz    x0, 5f                  // no answer: assume QN_STACK_MAX
        adrp    x3, qn_rlimit
        ldr     x0, [x3, :lo12:qn_rlimit]  // the soft limit (unsigned; infinity is all ones)
        cmp     x0, x1
        csel    x1, x0, x1, lo
5:      neg     x5, x5                  // x5 = -page size: a mask of whole pages
        and     x1, x1, x5              // x1 = S
        neg     x4, x4                  // round the top up to a whole page
        and     x4, x4, x5
        neg     x4, x4
        sub     x0, x4, x1
        add     x0, x0, #QN_STACK_RESERVE
        adrp    x3, qn_stack_limit
        str     x0, [x3, :lo12:qn_stack_limit]
        mov     x1, sp                  // argv and envp leave no room for a frame
        cmp     x1, x0                  // (qn_main's stores might fault): panic now
        b.lo    qn_stack_overflow
        adrp    x0, qn_main_task
        add     x0, x0, :lo12:qn_main_task
        adrp    x3, qn_current
        str     x0, [x3, :lo12:qn_current]  // main is the task that runs
        adrp    x3, qn_run_top
        str     x1, [x3, :lo12:qn_run_top]  // and every task's stack starts here
        bl      qn_cap_memory           // a mapping past the machine's memory fails
        bl      qn_main
        adrp    x0, qn_main_task
        add     x0, x0, :lo12:qn_main_task
        ldr     x0, [x0, #TASK_STACK]
        cbz     x0, 1f
        bl      qn_release              // main's saved stack, if it ever stopped
1:      bl      qn_leak_check           // QNANO_LEAK_CHECK: report live objects
        mov     x0, #0                  // exit code 0
        bl      qn_exit                 // does not return

// ---------------------------------------------------------------------
// qn_cap_memory: called once, by _start.
//   Arguments: none.  Result: none.
// Lowers the soft limit of the address space (RLIMIT_AS) to the
// machine's memory, RAM and swap (sysinfo), when it is above that: a
// mapping that would go past it fails, and the allocator panics `out of
// memory` (spec/heap.md). Without it the kernel grants mappings that the
// machine cannot back, and kills the process (SIGKILL) once their pages
// are touched. A lower limit is kept; a refused call changes nothing.
// (qemu-aarch64 leaves RLIMIT_AS as it is: there the call is answered
// and does nothing.)
// ---------------------------------------------------------------------
qn_cap_memory:
        sub     sp, sp, #SYSINFO_SIZE
        mov     x0, sp
        mov     x8, #SYS_SYSINFO
        svc     #0
        cbnz    x0, 1f                  // no answer: no cap
        ldr     x9, [sp, #SYSINFO_TOTALRAM]
        ldr     x10, [sp, #SYSINFO_TOTALSWAP]
        add     x9, x9, x10
        ldr     w10, [sp, #SYSINFO_MEM_UNIT]
        mul     x9, x9, x10             // x9 = RAM and swap, in bytes
        mov     x0, #0                  // pid 0: this process
        mov     x1, #RLIMIT_AS
        mov     x2, #0                  // no new limit
        adrp    x3, qn_rlimit           // where the old one goes
        add     x3, x3, :lo12:qn_rlimit
        mov     x8, #SYS_PRLIMIT64
        svc     #0
        cbnz    x0, 1f
        adrp    x3, qn_rlimit
        add     x3, x3, :lo12:qn_rlimit
        ldr     x10, [x3]               // the soft limit (unsigned)
        cmp     x9, x10
        b.hs    1f                      // not below it: kept
        str     x9, [x3]                // the new soft limit; the hard one as it was
        mov     x0, #0
        mov     x1, #RLIMIT_AS
        mov     x2, x3                  // the new limit
        mov     x3, #0                  // the old one not wanted
        mov     x8, #SYS_PRLIMIT64
        svc     #0
1:      add     sp, sp, #SYSINFO_SIZE
        ret

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
// (`b.lo qn_stack_overflow`). sp may then be below the stack's end (by
// up to a frame), so the panic runs on a stack of its own
// (qn_panic_stack, 16-byte aligned like any stack at a call).
// ---------------------------------------------------------------------
        .globl qn_stack_overflow
qn_stack_overflow:
        adrp    x0, qn_panic_stack_top
        add     x0, x0, :lo12:qn_panic_stack_top
        mov     sp, x0
        adrp    x0, qn_msg_stack
        add     x0, x0, :lo12:qn_msg_stack
        mov     x1, #14
        bl      qn_panic                // does not return

// =====================================================================
// The heap (spec/heap.md). An object is rc, info, then its payload:
//   kind 1, fields:  info = 1 | n << 8 | mask << 16, 16 + 8*n bytes
//                    (a closure: its code at 16, not a reference, its captures from 24)
//   kind 2, array:   info = 2 | r << 8, length at 16, 24 + 8*length bytes
//   kind 3, string:  info = 3, length at 16, bytes from 24, 24 + length
//   kind 5, bytes:   info = 5, an Array[Bool]: length at 16, a byte an element from 24, 24 + length
//   kind 4, channel: info = 4 | r << 8, capacity at 16, ring from 80, 80 + 8*capacity bytes
//   a union's value: a fields object, its tag at 16 (if two constructors have fields) then its fields;
//   or, without fields, the odd word tag*2 + 1,
//   never an address (a multiple of 8): inc, dec and release leave an odd word alone
// Memory comes from mmap. Sizes are rounded up to a multiple of 16;
// each size up to QN_SMALL_MAX has a free list of blocks of that size
// (linked through their first word), and new small blocks are cut from
// 1 MiB chunks. A bigger object gets its own mmap and is unmapped when
// freed.
// =====================================================================

// ---------------------------------------------------------------------
// qn_index_out_of_bounds: the panic of an index check that fails.
//   Arguments: none.   Result: never returns.
// Compiled code branches here (like qn_division_by_zero); qn_array
// branches here for a negative length.
// ---------------------------------------------------------------------
        .globl qn_index_out_of_bounds
qn_index_out_of_bounds:
        adrp    x0, qn_msg_index
        add     x0, x0, :lo12:qn_msg_index
        mov     x1, #19
        bl      qn_panic                // does not return

// ---------------------------------------------------------------------
// qn_out_of_memory: the panic of an allocation that cannot be made.
//   Arguments: none.   Result: never returns.
// The heap routines branch here.
// ---------------------------------------------------------------------
qn_out_of_memory:
        adrp    x0, qn_msg_memory
        add     x0, x0, :lo12:qn_msg_memory
        mov     x1, #13
        bl      qn_panic                // does not return

// ---------------------------------------------------------------------
// qn_mmap(bytes) -> pointer: new memory from the kernel, all zeros.
//   Arguments: x0 = the size (a multiple of QN_PAGE_SIZE).
//   Result:    x0 = its address.
// mmap(NULL, bytes, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS,
// -1, 0). When it fails (a negative result: -errno) while the cache
// holds freed big mappings, they are unmapped (qn_big_flush) and mmap
// is tried once more: the cache never makes a program run out of
// memory. A failure with an empty cache panics "out of memory".
// ---------------------------------------------------------------------
qn_mmap:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19
        mov     x29, sp
        str     x19, [sp, #16]          // x19 = bytes
        mov     x19, x0
.Lmmap_try:
        mov     x1, x19                 // length
        mov     x0, #0                  // address NULL: the kernel chooses
        mov     x2, #PROT_READ_WRITE
        mov     x3, #MAP_PRIVATE_ANON
        mov     x4, #-1                 // no file ...
        mov     x5, #0                  // ... and no offset in it
        mov     x8, #SYS_MMAP
        svc     #0
        tbz     x0, #63, .Lmmap_done
        adrp    x9, qn_big_count
        ldr     x9, [x9, :lo12:qn_big_count]
        cbz     x9, qn_out_of_memory    // -errno, and nothing cached to give back
        bl      qn_big_flush            // give the cache back, then try again
        b       .Lmmap_try
.Lmmap_done:
        ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// The cache of big mappings. Freeing a big object (above QN_SMALL_MAX)
// does not unmap it at once: its mapping (address, size in whole pages)
// is kept in qn_big_cache, and the next big object of exactly that
// mapped size takes it instead of a new mmap. So a program that makes
// and frees a big array again and again maps it once, and its pages
// are not faulted in again each time. The cache holds at most
// QN_BIG_CACHE mappings, the oldest first; when a freed mapping finds
// it full, the oldest is unmapped to make room. A cached mapping is
// not a live object: the leak check does not count it.
// ---------------------------------------------------------------------

// ---------------------------------------------------------------------
// qn_big_flush(): unmap every cached mapping; the cache is empty.
//   Arguments: none.   Result: none.
// ---------------------------------------------------------------------
qn_big_flush:
        adrp    x9, qn_big_cache
        add     x9, x9, :lo12:qn_big_cache  // x9 = the next entry
        adrp    x10, qn_big_count
        ldr     x10, [x10, :lo12:qn_big_count]  // x10 = entries left
.Lflush_loop:
        cbz     x10, .Lflush_done
        ldp     x0, x1, [x9], #16       // munmap(its address, its size)
        mov     x8, #SYS_MUNMAP
        svc     #0                      // keeps x9, x10
        sub     x10, x10, #1
        b       .Lflush_loop
.Lflush_done:
        adrp    x9, qn_big_count
        str     xzr, [x9, :lo12:qn_big_count]
        ret

// ---------------------------------------------------------------------
// qn_big_take(bytes) -> pointer: a cached mapping of this size, if any.
//   Arguments: x0 = the size (a multiple of QN_PAGE_SIZE).
//   Result:    x0 = the newest cached mapping of exactly that size,
//              now out of the cache; 0 when there is none.
// ---------------------------------------------------------------------
qn_big_take:
        adrp    x10, qn_big_count
        ldr     x10, [x10, :lo12:qn_big_count]  // x10 = entries not looked at yet
        adrp    x9, qn_big_cache
        add     x9, x9, :lo12:qn_big_cache
.Ltake_loop:
        cbz     x10, .Ltake_none
        sub     x10, x10, #1            // entry x10: the newest first
        add     x11, x9, x10, lsl #4
        ldr     x11, [x11, #8]          // its size
        cmp     x11, x0
        b.ne    .Ltake_loop
        mov     x0, x10                 // found: qn_big_remove gives its address
        b       qn_big_remove           // tail call
.Ltake_none:
        mov     x0, #0
        ret

// ---------------------------------------------------------------------
// qn_big_remove(i) -> (pointer, size): take entry i out of the cache.
//   Arguments: x0 = the entry's index (0 = the oldest).
//   Result:    x0 = its address, x1 = its size. The newer entries
//              move down by one, so the order stays the oldest first.
// ---------------------------------------------------------------------
qn_big_remove:
        adrp    x9, qn_big_cache
        add     x9, x9, :lo12:qn_big_cache
        add     x10, x9, x0, lsl #4     // x10 = &entry i
        ldp     x0, x1, [x10]           // its address and size
        adrp    x11, qn_big_count
        ldr     x12, [x11, :lo12:qn_big_count]
        sub     x12, x12, #1
        str     x12, [x11, :lo12:qn_big_count]  // one entry fewer
        add     x12, x9, x12, lsl #4    // x12 = the end of the entries left
.Lremove_loop:                          // entries i+1 ... move down by one
        cmp     x10, x12
        b.hs    .Lremove_done
        ldp     x13, x14, [x10, #16]
        stp     x13, x14, [x10], #16
        b       .Lremove_loop
.Lremove_done:
        ret

// ---------------------------------------------------------------------
// qn_big_keep(p, bytes): put a freed big mapping into the cache.
//   Arguments: x0 = its address, x1 = its size (whole pages).
//   Result:    none.
// When the cache is full, its oldest mapping is unmapped first.
// ---------------------------------------------------------------------
qn_big_keep:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19, x20
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = p, x20 = bytes
        mov     x19, x0
        mov     x20, x1
        adrp    x9, qn_big_count
        ldr     x9, [x9, :lo12:qn_big_count]
        cmp     x9, #QN_BIG_CACHE
        b.lo    .Lkeep_room
        mov     x0, #0                  // full: take out the oldest ...
        bl      qn_big_remove
        mov     x8, #SYS_MUNMAP         // ... and munmap(it, its size)
        svc     #0
.Lkeep_room:
        adrp    x9, qn_big_count
        ldr     x10, [x9, :lo12:qn_big_count]
        add     x11, x10, #1
        str     x11, [x9, :lo12:qn_big_count]  // one entry more:
        adrp    x9, qn_big_cache
        add     x9, x9, :lo12:qn_big_cache
        add     x9, x9, x10, lsl #4
        stp     x19, x20, [x9]          // the newest, (p, bytes)
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// qn_alloc(bytes: i64, info: i64) -> pointer: make a new object.
//   Arguments: x0 = its size in bytes (at least 16), x1 = its info.
//   Result:    x0 = the object (16-byte aligned) with rc = 1 and info
//              set; the rest of its bytes are not initialised.
// The size is rounded up to a multiple of 16. Up to QN_SMALL_MAX, the
// block is the first one of its size class's free list or, when that
// list is empty, cut from the current chunk (when the chunk's rest is
// too small we map a new chunk and leave the rest unused). A bigger
// object takes whole pages: a cached mapping of that size
// (qn_big_take), or else a new mmap. The object is
// counted in qn_live_objects and qn_live_bytes (unrounded size).
// A size above QN_MAX_BYTES, or a failing mmap, panics "out of memory".
// ---------------------------------------------------------------------
        .globl qn_alloc
qn_alloc:
        stp     x29, x30, [sp, #-48]!   // frame: fp, lr, x19, x20, x21
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = bytes, x20 = info
        str     x21, [sp, #32]          // x21 = bytes rounded up to 16
        mov     x19, x0
        mov     x20, x1
        mov     x9, #QN_MAX_BYTES
        cmp     x19, x9
        b.hi    qn_out_of_memory        // too big (unsigned: or negative)
        add     x21, x19, #15
        and     x21, x21, #-16
        cmp     x21, #QN_SMALL_MAX
        b.hi    .Lalloc_large
        lsr     x10, x21, #4            // x10 = size / 16 = 1 .. 64
        adrp    x9, qn_free_lists
        add     x9, x9, :lo12:qn_free_lists
        add     x9, x9, x10, lsl #3
        sub     x9, x9, #8              // x9 = &qn_free_lists[size/16 - 1]
        ldr     x0, [x9]                // the first free block, if any
        cbz     x0, .Lalloc_cut
        ldr     x10, [x0]               // take it off the list: its first
        str     x10, [x9]               // word points to the next one
        b       .Lalloc_init
.Lalloc_cut:                            // no free block: cut one
        adrp    x9, qn_chunk_next
        ldr     x0, [x9, :lo12:qn_chunk_next]
        add     x10, x0, x21            // x10 = the end of the new block
        adrp    x11, qn_chunk_end
        ldr     x11, [x11, :lo12:qn_chunk_end]
        cmp     x10, x11
        b.ls    .Lalloc_cut_fits
        mov     x0, #QN_CHUNK_SIZE      // the chunk is used up: a new one
        bl      qn_mmap
        add     x10, x0, #QN_CHUNK_SIZE
        adrp    x11, qn_chunk_end
        str     x10, [x11, :lo12:qn_chunk_end]
        add     x10, x0, x21
.Lalloc_cut_fits:
        adrp    x9, qn_chunk_next
        str     x10, [x9, :lo12:qn_chunk_next]
        b       .Lalloc_init
.Lalloc_large:                          // its own mapping, whole pages
        add     x21, x19, #QN_PAGE_SIZE-1
        and     x21, x21, #-QN_PAGE_SIZE  // x21 = the size in whole pages
        mov     x0, x21
        bl      qn_big_take             // a freed mapping of that size?
        cbnz    x0, .Lalloc_init
        mov     x0, x21                 // no: a new one
        bl      qn_mmap
.Lalloc_init:                           // x0 = the new object
        mov     x9, #1
        stp     x9, x20, [x0]           // rc = 1, info
        adrp    x9, qn_live_objects
        ldr     x10, [x9, :lo12:qn_live_objects]
        add     x10, x10, #1
        str     x10, [x9, :lo12:qn_live_objects]
        adrp    x9, qn_live_bytes
        ldr     x10, [x9, :lo12:qn_live_bytes]
        add     x10, x10, x19
        str     x10, [x9, :lo12:qn_live_bytes]
        ldr     x21, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        ret

// ---------------------------------------------------------------------
// qn_array(length: i64, init: i64, info: i64) -> pointer: a new array.
//   Arguments: x0 = the length, x1 = every element's value,
//              x2 = info (2, plus bit 8 when the elements are references;
//              or 5, an array of bytes: an Array[Bool]).
//   Result:    x0 = the array: rc = 1, the length at 16, the elements
//              from 24, each a word (kind 2) or a byte, init's low byte
//              (kind 5).
// When the elements are references, init's rc goes up by length (one
// per element; the caller keeps its own reference).
// A negative length panics "index out of bounds". A length above
// QN_MAX_LENGTH (size 24 + 8*length above QN_MAX_BYTES; for bytes,
// QN_MAX_BYTES_LENGTH) panics "out of memory"; we check it before
// multiplying, so nothing overflows.
// ---------------------------------------------------------------------
        .globl qn_array
qn_array:
        stp     x29, x30, [sp, #-48]!   // frame: fp, lr, x19, x20, x21
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = length, x20 = init
        str     x21, [sp, #32]          // x21 = info
        tbnz    x0, #63, qn_index_out_of_bounds  // a negative length
        mov     x19, x0
        mov     x20, x1
        mov     x21, x2
        and     x9, x21, #255
        cmp     x9, #5
        b.eq    .Larray_bytes           // an array of bytes
        ldr     x9, =QN_MAX_LENGTH
        cmp     x19, x9
        b.hi    qn_out_of_memory        // far too long
        lsl     x0, x19, #3             // qn_alloc(24 + 8*length, info)
        add     x0, x0, #24
        mov     x1, x21
        bl      qn_alloc
        str     x19, [x0, #16]          // the length
        add     x9, x0, #24             // x9 = the next element
        mov     x10, x19                // x10 = elements left
.Larray_fill:
        cbz     x10, .Larray_filled
        str     x20, [x9], #8
        sub     x10, x10, #1
        b       .Larray_fill
.Larray_filled:
        tbz     x21, #8, .Larray_done   // the elements are not references
        tbnz    x20, #0, .Larray_done   // init is an immediate: nothing to count
        ldr     x9, [x20]
        add     x9, x9, x19
        str     x9, [x20]               // init's rc += length
        b       .Larray_done
.Larray_bytes:
        ldr     x9, =QN_MAX_BYTES_LENGTH
        cmp     x19, x9
        b.hi    qn_out_of_memory        // far too long
        add     x0, x19, #24            // qn_alloc(24 + length, 5)
        mov     x1, x21
        bl      qn_alloc
        str     x19, [x0, #16]          // the length
        add     x9, x0, #24             // x9 = the next byte (8-aligned)
        mov     x10, x19                // x10 = bytes left
        and     x11, x20, #255          // x11 = init's low byte
        ldr     x12, =0x0101010101010101
        mul     x11, x11, x12           // ... in each byte of a word
.Larray_words:
        cmp     x10, #8
        b.lo    .Larray_tail
        str     x11, [x9], #8           // 8 bytes at a time
        sub     x10, x10, #8
        b       .Larray_words
.Larray_tail:
        cbz     x10, .Larray_done
        strb    w11, [x9], #1           // then the last few
        sub     x10, x10, #1
        b       .Larray_tail
.Larray_done:
        ldr     x21, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        ret

// ---------------------------------------------------------------------
// qn_free(p: pointer): give a dead object's memory back.
//   Arguments: x0 = the object (its references already released).
//   Result:    none.
// Its size comes from info (and the length of an array, an array of
// bytes or a string, or the capacity of a channel).
// It leaves the leak check's counts. A small block goes to the front of
// its size class's free list; a big object's mapping goes to the cache
// (qn_big_keep), which unmaps the oldest one when it is full.
// ---------------------------------------------------------------------
qn_free:
        ldr     x9, [x0, #8]            // x9 = info
        and     x10, x9, #255           // x10 = the kind
        cmp     x10, #1
        b.eq    .Lfree_fields
        ldr     x1, [x0, #16]           // x1 = the length (a channel's capacity)
        cmp     x10, #4
        b.eq    .Lfree_channel
        cmp     x10, #2
        b.ne    .Lfree_string
        lsl     x1, x1, #3              // an array: 24 + 8*length bytes
        add     x1, x1, #24
        b       .Lfree_sized
.Lfree_channel:
        lsl     x1, x1, #3              // a channel: 80 + 8*capacity bytes
        add     x1, x1, #CHAN_RING
        b       .Lfree_sized
.Lfree_string:
        add     x1, x1, #24             // a string, an array of bytes: 24 + length
        b       .Lfree_sized
.Lfree_fields:
        ubfx    x1, x9, #8, #8          // n = bits 8-15 of info
        lsl     x1, x1, #3              // fields: 16 + 8*n bytes
        add     x1, x1, #16
.Lfree_sized:                           // x1 = the object's size
        adrp    x9, qn_live_objects
        ldr     x10, [x9, :lo12:qn_live_objects]
        sub     x10, x10, #1
        str     x10, [x9, :lo12:qn_live_objects]
        adrp    x9, qn_live_bytes
        ldr     x10, [x9, :lo12:qn_live_bytes]
        sub     x10, x10, x1
        str     x10, [x9, :lo12:qn_live_bytes]
        add     x10, x1, #15
        and     x10, x10, #-16          // x10 = the size rounded up to 16
        cmp     x10, #QN_SMALL_MAX
        b.hi    .Lfree_large
        lsr     x10, x10, #4            // x10 = size / 16 = 1 .. 64
        adrp    x9, qn_free_lists
        add     x9, x9, :lo12:qn_free_lists
        add     x9, x9, x10, lsl #3
        sub     x9, x9, #8              // x9 = &qn_free_lists[size/16 - 1]
        ldr     x10, [x9]
        str     x10, [x0]               // the block points to the old first
        str     x0, [x9]                // and becomes the first
        ret
.Lfree_large:
        add     x1, x1, #QN_PAGE_SIZE-1 // qn_big_keep(p, size rounded up to pages)
        and     x1, x1, #-QN_PAGE_SIZE
        b       qn_big_keep             // tail call

// ---------------------------------------------------------------------
// qn_release(p: pointer): drop one reference to an object.
//   Arguments: x0 = the object.   Result: none.
// rc goes down by one. At zero the object is dead: every reference it
// holds (a field whose mask bit is set; each element of an array whose
// info has bit 8 set; each value in the ring of a channel whose info has
// bit 8 set) is dropped in turn, which may kill more objects, and its
// memory is freed (qn_free).
// There is no recursion and no growing stack: the dead objects whose
// references are still to be dropped form a worklist, linked through
// their rc words (0 once dead, so free to hold the link). Freeing a
// list a million long takes the same few stack bytes as one object.
// String literals start at rc 2^62 and never reach zero. An odd word is
// a union's immediate, no object: it is left alone, here and in the walk.
// ---------------------------------------------------------------------
        .globl qn_release
qn_release:
        tbnz    x0, #0, .Lrel_immediate // an immediate (odd): no object
        ldr     x9, [x0]
        subs    x9, x9, #1              // rc - 1
        str     x9, [x0]
        b.eq    .Lrel_dead
.Lrel_immediate:
        ret                             // still referenced: that is all
.Lrel_dead:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19, x20
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = the worklist (0: empty)
                                        // x20 = the dead object in hand
        mov     x19, x0                 // worklist = p (its rc, 0, ends it)
.Lrel_next:
        cbz     x19, .Lrel_done
        mov     x20, x19                // take the first dead object
        ldr     x19, [x20]              // the list goes on at its link
        ldr     x9, [x20, #8]           // x9 = info
        and     x10, x9, #255           // x10 = the kind
        cmp     x10, #1
        b.eq    .Lrel_fields
        cmp     x10, #4
        b.eq    .Lrel_channel
        cmp     x10, #2
        b.ne    .Lrel_free              // a string, an array of bytes: no references
        tbz     x9, #8, .Lrel_free      // an array of plain values
        add     x11, x20, #24           // x11 = the next element
        ldr     x12, [x20, #16]         // x12 = elements left
.Lrel_elem_loop:
        cbz     x12, .Lrel_free
        ldr     x0, [x11]               // x0 = the element
        tbnz    x0, #0, .Lrel_elem_next  // an immediate: no reference
        ldr     x13, [x0]
        sub     x13, x13, #1
        str     x13, [x0]               // drop the reference
        cbnz    x13, .Lrel_elem_next
        str     x19, [x0]               // dead too: put it on the worklist
        mov     x19, x0
.Lrel_elem_next:
        add     x11, x11, #8
        sub     x12, x12, #1
        b       .Lrel_elem_loop
.Lrel_fields:
        lsr     x9, x9, #16             // x9 = the mask: bit i for field i
        add     x11, x20, #16           // x11 = field 0
.Lrel_field_loop:
        cbz     x9, .Lrel_free          // no references left
        tbz     x9, #0, .Lrel_field_next  // this field is no reference
        ldr     x0, [x11]               // x0 = the field
        tbnz    x0, #0, .Lrel_field_next  // an immediate: no reference
        ldr     x13, [x0]
        sub     x13, x13, #1
        str     x13, [x0]               // drop the reference
        cbnz    x13, .Lrel_field_next
        str     x19, [x0]               // dead too: put it on the worklist
        mov     x19, x0
.Lrel_field_next:
        lsr     x9, x9, #1              // the next field's bit
        add     x11, x11, #8
        b       .Lrel_field_loop
.Lrel_channel:                          // the values still in its ring
        tbz     x9, #8, .Lrel_free      // plain values
        ldr     x12, [x20, #CHAN_COUNT] // x12 = values left
        ldr     x11, [x20, #CHAN_HEAD]  // x11 = the next one's index
        ldr     x14, [x20, #CHAN_CAP]
        add     x15, x20, #CHAN_RING
.Lrel_ring_loop:
        cbz     x12, .Lrel_free
        ldr     x0, [x15, x11, lsl #3]  // x0 = the value
        tbnz    x0, #0, .Lrel_ring_next  // an immediate: no reference
        ldr     x13, [x0]
        sub     x13, x13, #1
        str     x13, [x0]               // drop the reference
        cbnz    x13, .Lrel_ring_next
        str     x19, [x0]               // dead too: put it on the worklist
        mov     x19, x0
.Lrel_ring_next:
        add     x11, x11, #1            // the ring goes round
        cmp     x11, x14
        csel    x11, xzr, x11, hs
        sub     x12, x12, #1
        b       .Lrel_ring_loop
.Lrel_free:
        mov     x0, x20
        bl      qn_free
        b       .Lrel_next
.Lrel_done:
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// qn_copy_bytes(dst, src, n) -> pointer: copy n bytes.
//   Arguments: x0 = where to, x1 = where from, x2 = the byte count.
//   Result:    x0 = dst + n (where the next bytes would go).
// ---------------------------------------------------------------------
qn_copy_bytes:
.Lcopy_loop:
        cbz     x2, .Lcopy_done
        ldrb    w9, [x1], #1            // load a byte, advance x1
        strb    w9, [x0], #1            // store it, advance x0
        sub     x2, x2, #1
        b       .Lcopy_loop
.Lcopy_done:
        ret

// ---------------------------------------------------------------------
// qn_concat(a: string, b: string) -> string: a's bytes then b's.
//   Arguments: x0 = a, x1 = b (borrowed: their rc do not change).
//   Result:    x0 = the new string (rc = 1).
// ---------------------------------------------------------------------
        .globl qn_concat
qn_concat:
        stp     x29, x30, [sp, #-48]!   // frame: fp, lr, x19, x20, x21
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = a, x20 = b
        str     x21, [sp, #32]          // x21 = the new string s
        mov     x19, x0
        mov     x20, x1
        ldr     x9, [x19, #16]
        ldr     x10, [x20, #16]
        add     x0, x9, x10             // qn_alloc(24 + a.len + b.len, 3)
        add     x0, x0, #24
        mov     x1, #3
        bl      qn_alloc
        mov     x21, x0
        ldr     x9, [x19, #16]
        ldr     x10, [x20, #16]
        add     x9, x9, x10
        str     x9, [x21, #16]          // s.len = a.len + b.len
        add     x0, x21, #24            // a's bytes
        add     x1, x19, #24
        ldr     x2, [x19, #16]
        bl      qn_copy_bytes
        add     x1, x20, #24            // then b's (x0: where a's ended)
        ldr     x2, [x20, #16]
        bl      qn_copy_bytes
        mov     x0, x21
        ldr     x21, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        ret

// ---------------------------------------------------------------------
// qn_string_eq(a: string, b: string) -> i64: are the bytes the same?
//   Arguments: x0 = a, x1 = b.
//   Result:    x0 = 1 when they have the same length and bytes, else 0.
// ---------------------------------------------------------------------
        .globl qn_string_eq
qn_string_eq:
        cmp     x0, x1
        b.eq    .Lstreq_yes             // the same object
        ldr     x9, [x0, #16]           // x9 = bytes left to compare
        ldr     x10, [x1, #16]
        cmp     x9, x10
        b.ne    .Lstreq_no              // different lengths
        add     x0, x0, #24
        add     x1, x1, #24
.Lstreq_loop:
        cbz     x9, .Lstreq_yes
        ldrb    w10, [x0], #1
        ldrb    w11, [x1], #1
        cmp     w10, w11
        b.ne    .Lstreq_no
        sub     x9, x9, #1
        b       .Lstreq_loop
.Lstreq_yes:
        mov     x0, #1
        ret
.Lstreq_no:
        mov     x0, #0
        ret

// ---------------------------------------------------------------------
// qn_string_cmp(a: string, b: string) -> i64: how a orders against b.
//   Arguments: x0 = a, x1 = b.
//   Result:    x0 = -1, 0 or 1 as a comes before, is, or comes after b:
//              byte by byte (unsigned), and a prefix first.
// ---------------------------------------------------------------------
        .globl qn_string_cmp
qn_string_cmp:
        ldr     x9, [x0, #16]           // x9 = a's length
        ldr     x10, [x1, #16]          // x10 = b's length
        cmp     x9, x10
        csel    x11, x9, x10, lo        // x11 = bytes to compare: the shorter length
        add     x0, x0, #24
        add     x1, x1, #24
.Lstrcmp_loop:
        cbz     x11, .Lstrcmp_lengths
        ldrb    w12, [x0], #1
        ldrb    w13, [x1], #1
        cmp     w12, w13
        b.lo    .Lstrcmp_less
        b.hi    .Lstrcmp_more
        sub     x11, x11, #1
        b       .Lstrcmp_loop
.Lstrcmp_lengths:                       // one is a prefix of the other
        cmp     x9, x10
        b.lo    .Lstrcmp_less
        b.hi    .Lstrcmp_more
        mov     x0, #0
        ret
.Lstrcmp_less:
        mov     x0, #-1
        ret
.Lstrcmp_more:
        mov     x0, #1
        ret

// ---------------------------------------------------------------------
// qn_print_string(s: string): print s's bytes, then a newline.
//   Arguments: x0 = the string.   Result: none.
// Through the stdout buffer, like qn_print_int; qn_put_bytes writes a
// string longer than the buffer directly.
// ---------------------------------------------------------------------
        .globl qn_print_string
qn_print_string:
        stp     x29, x30, [sp, #-16]!   // save fp and lr (we call out)
        mov     x29, sp
        ldr     x1, [x0, #16]           // qn_put_bytes(s + 24, s.len)
        add     x0, x0, #24
        bl      qn_put_bytes
        adrp    x0, qn_str_newline
        add     x0, x0, :lo12:qn_str_newline
        mov     x1, #1
        ldp     x29, x30, [sp], #16
        b       qn_put_bytes            // tail call: it returns for us

// ---------------------------------------------------------------------
// qn_panic_string(s: string): panic with s's bytes as the message.
//   Arguments: x0 = the string.   Result: never returns.
// ---------------------------------------------------------------------
        .globl qn_panic_string
qn_panic_string:
        ldr     x1, [x0, #16]           // qn_panic(s + 24, s.len)
        add     x0, x0, #24
        b       qn_panic                // tail call: it never returns

// ---------------------------------------------------------------------
// What core.string and core.io are written over: a byte of a string, a
// slice of one, output without a newline, and a line of input.
// ---------------------------------------------------------------------

// ---------------------------------------------------------------------
// qn_string_of(bytes, n) -> string: a new string of the n bytes at bytes.
//   Arguments: x0 = where the bytes are, x1 = how many.
//   Result:    x0 = the new string (rc = 1).
// ---------------------------------------------------------------------
qn_string_of:
        stp     x29, x30, [sp, #-48]!   // frame: fp, lr, x19, x20, x21
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = where the bytes are, x20 = how many
        str     x21, [sp, #32]          // x21 = the new string
        mov     x19, x0
        mov     x20, x1
        add     x0, x20, #24            // qn_alloc(24 + n, 3)
        mov     x1, #3
        bl      qn_alloc
        mov     x21, x0
        str     x20, [x21, #16]         // its length
        add     x0, x21, #24            // qn_copy_bytes(its bytes, bytes, n)
        mov     x1, x19
        mov     x2, x20
        bl      qn_copy_bytes
        mov     x0, x21
        ldr     x21, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        ret

// ---------------------------------------------------------------------
// qn_string_byte(s: string, i: i64) -> i64: the byte at index i.
//   Arguments: x0 = s (borrowed), x1 = i.
//   Result:    x0 = 0..255. An i outside 0 .. len-1 panics with
//              "index out of bounds" (one unsigned compare: a negative
//              i is a huge unsigned one).
// ---------------------------------------------------------------------
        .globl qn_string_byte
qn_string_byte:
        ldr     x9, [x0, #16]
        cmp     x1, x9
        b.hs    qn_index_out_of_bounds
        add     x9, x0, #24
        ldrb    w0, [x9, x1]
        ret

// ---------------------------------------------------------------------
// qn_string_slice(s: string, start: i64, end: i64) -> string: the bytes
// of s from start up to (not including) end, in a new string.
//   Arguments: x0 = s (borrowed), x1 = start, x2 = end.
//   Result:    x0 = the new string (rc = 1).
// Panics with "index out of bounds" unless 0 <= start <= end <= len,
// and when start or end falls inside a character (the byte there is a
// UTF-8 continuation byte, 10xxxxxx): so a slice is always whole
// characters, as its string was.
// ---------------------------------------------------------------------
        .globl qn_string_slice
qn_string_slice:
        ldr     x9, [x0, #16]           // x9 = s's length
        cmp     x2, x9
        b.hi    qn_index_out_of_bounds  // end > len (or end < 0: unsigned)
        cmp     x1, x2
        b.hi    qn_index_out_of_bounds  // start > end (or start < 0)
        add     x10, x0, #24            // x10 = s's bytes
        cmp     x1, x9
        b.hs    1f                      // start = len: a boundary
        ldrb    w11, [x10, x1]
        and     w11, w11, #0xc0
        cmp     w11, #0x80
        b.eq    qn_index_out_of_bounds  // start inside a character
1:      cmp     x2, x9
        b.hs    2f                      // end = len: a boundary
        ldrb    w11, [x10, x2]
        and     w11, w11, #0xc0
        cmp     w11, #0x80
        b.eq    qn_index_out_of_bounds  // end inside a character
2:      add     x0, x10, x1             // qn_string_of(s + 24 + start, end - start)
        sub     x1, x2, x1
        b       qn_string_of            // tail call: it returns for us

// ---------------------------------------------------------------------
// qn_write_string(s: string): write s's bytes to stdout, no newline.
//   Arguments: x0 = the string (borrowed).   Result: none.
// ---------------------------------------------------------------------
        .globl qn_write_string
qn_write_string:
        ldr     x1, [x0, #16]           // qn_put_bytes(s + 24, s.len)
        add     x0, x0, #24
        b       qn_put_bytes            // tail call: it returns for us

// ---------------------------------------------------------------------
// qn_input_line() -> string: the next line of stdin, its '\n' included
// (the last line may have none), or "" at the end of input.
//   Arguments: none.   Result: x0 = the new string (rc = 1).
// stdout is flushed first, as by qn_read_int, and the bytes come from
// the same buffer (qn_read_byte), so the two may be mixed. They are
// gathered in a buffer that is itself a string object whose length is
// its capacity (so qn_release frees it with its size), twice as big
// each time it is full; at the end the line is copied into a string of
// its own length and the buffer is released.
// ---------------------------------------------------------------------
        .globl qn_input_line
qn_input_line:
        stp     x29, x30, [sp, #-64]!   // frame: fp, lr, x19 .. x23
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = the buffer, x20 = bytes in it
        stp     x21, x22, [sp, #32]     // x21 = its capacity, x22 = the byte read; a new string
        str     x23, [sp, #48]          // x23 = a bigger buffer
        bl      qn_flush
        mov     x21, #64
        add     x0, x21, #24            // qn_alloc(24 + 64, 3)
        mov     x1, #3
        bl      qn_alloc
        mov     x19, x0
        str     x21, [x19, #16]
        mov     x20, #0
.Lil_next:
        bl      qn_read_byte
        cmn     x0, #1
        b.eq    .Lil_done               // end of input
        mov     x22, x0
        cmp     x20, x21
        b.lo    .Lil_store
        add     x21, x21, x21           // full: one twice as big
        add     x0, x21, #24
        mov     x1, #3
        bl      qn_alloc
        mov     x23, x0
        str     x21, [x23, #16]
        add     x0, x23, #24            // the bytes so far, into it
        add     x1, x19, #24
        mov     x2, x20
        bl      qn_copy_bytes
        mov     x0, x19
        bl      qn_release
        mov     x19, x23
.Lil_store:
        add     x9, x19, #24
        strb    w22, [x9, x20]
        add     x20, x20, #1
        cmp     x22, #'\n'
        b.ne    .Lil_next
.Lil_done:
        add     x0, x19, #24            // the line: qn_string_of(its bytes, count)
        mov     x1, x20
        bl      qn_string_of
        mov     x22, x0
        mov     x0, x19
        bl      qn_release
        mov     x0, x22
        ldr     x23, [sp, #48]
        ldp     x21, x22, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #64
        ret

// =====================================================================
// Tasks and channels (runtime-asm/README.md, "Concurrency").
//
// Green threads on one OS thread. A task is a heap object (TASK_*); the
// one that runs is qn_current; the tasks ready to run wait in qn_ready,
// first in, first out. Each channel has a queue of waiting receivers and
// one of blocked senders; a scope counts its tasks that have not
// finished. A task runs until it blocks, finishes or yields; then the
// first ready task runs (none: deadlock).
//
// The stack. Every task runs on the one stack the kernel gave us, below
// qn_run_top, where main's stack starts: so a task's frames are always
// at the same addresses when it runs, and the prelude's check against
// qn_stack_limit is the same for all. When a task stops (qn_block), its
// callee-saved registers are pushed and the bytes from its stack pointer
// up to qn_run_top are copied into its saved stack, an array of words on
// the heap, exactly as big as what it uses (made bigger when it is too
// small); when it runs again (qn_resume), they are copied back. A task
// that has not started has no stack at all, and a finished one's saved
// stack is freed.
// =====================================================================

// ---------------------------------------------------------------------
// qn_queue_push(queue, task): put a task at the back of a queue.
//   Arguments: x0 = the queue (two words: its first and last task, 0
//              when empty), x1 = the task.   Result: none.
// Changes only x9 (its callers keep values in the other registers).
// ---------------------------------------------------------------------
qn_queue_push:
        str     xzr, [x1, #TASK_NEXT]   // the task is the last one
        ldr     x9, [x0, #8]            // x9 = the one that was last
        cbz     x9, 1f
        str     x1, [x9, #TASK_NEXT]    // the task comes after it
        b       2f
1:      str     x1, [x0]                // the queue was empty: also the first
2:      str     x1, [x0, #8]
        ret

// ---------------------------------------------------------------------
// qn_queue_pop(queue) -> task: take the first task off a queue.
//   Arguments: x0 = the queue.
//   Result:    x0 = the task, or 0 when the queue is empty.
// Changes only x9 and x10.
// ---------------------------------------------------------------------
qn_queue_pop:
        mov     x10, x0
        ldr     x0, [x10]
        cbz     x0, 1f                  // empty
        ldr     x9, [x0, #TASK_NEXT]
        str     x9, [x10]               // the next one is first now
        cbnz    x9, 1f
        str     xzr, [x10, #8]          // it was the only one
1:      ret

// ---------------------------------------------------------------------
// qn_wake(task): the task is ready: it goes to the back of qn_ready.
//   Arguments: x1 = the task.   Result: none.   Changes x0 and x9.
// ---------------------------------------------------------------------
qn_wake:
        adrp    x0, qn_ready
        add     x0, x0, :lo12:qn_ready
        b       qn_queue_push           // tail call

// ---------------------------------------------------------------------
// qn_block(): the current task stops; the first ready task runs.
//   Arguments: none.   Result: none.
// The caller has already put the current task where it waits (in a
// channel's queue, at its scope's end, or at the back of qn_ready); this
// returns when the task has been woken and its turn has come.
// Pushes the callee-saved registers, copies the stack from sp up to
// qn_run_top into the task's saved stack (a new one when it has none or
// it is too small) and resumes the next task. Nobody ready: deadlock.
// ---------------------------------------------------------------------
qn_block:
        stp     x29, x30, [sp, #-96]!   // what the task needs when it goes on:
        mov     x29, sp                 // fp, lr and the callee-saved registers
        stp     x19, x20, [sp, #16]
        stp     x21, x22, [sp, #32]
        stp     x23, x24, [sp, #48]
        stp     x25, x26, [sp, #64]
        stp     x27, x28, [sp, #80]
        adrp    x9, qn_ready
        ldr     x9, [x9, :lo12:qn_ready]
        cbz     x9, qn_deadlock         // nobody can run, so nobody will wake us
        adrp    x19, qn_current
        ldr     x19, [x19, :lo12:qn_current]  // x19 = the task that stops
        mov     x9, sp
        str     x9, [x19, #TASK_SP]     // ... and its stack pointer
        adrp    x20, qn_run_top
        ldr     x20, [x20, :lo12:qn_run_top]
        sub     x20, x20, x9
        lsr     x20, x20, #3            // x20 = the words it uses of the stack
        ldr     x0, [x19, #TASK_STACK]
        cbz     x0, .Lblock_new         // it never stopped before
        ldr     x9, [x0, #16]
        cmp     x9, x20
        b.hs    .Lblock_copy            // its saved stack is big enough
        bl      qn_release              // too small: a bigger one
.Lblock_new:
        lsl     x0, x20, #3             // qn_alloc(24 + 8*words, 2): an array of words
        add     x0, x0, #24
        mov     x1, #2
        bl      qn_alloc
        str     x20, [x0, #16]
        str     x0, [x19, #TASK_STACK]
.Lblock_copy:
        add     x9, x0, #24             // copy x20 words (pairs) from sp into it
        mov     x10, sp
1:      cbz     x20, 2f
        ldp     x11, x12, [x10], #16
        stp     x11, x12, [x9], #16
        sub     x20, x20, #2
        b       1b
2:      adrp    x0, qn_ready
        add     x0, x0, :lo12:qn_ready
        bl      qn_queue_pop            // x0 = the next task
        b       qn_resume

// ---------------------------------------------------------------------
// qn_resume(task): run a task from where it stopped.
//   Arguments: x0 = the task (off every queue).   Result: never returns.
// Copies the task's saved stack back below qn_run_top, where it was,
// and returns from the task's qn_block; a task that has not started
// starts at the top (qn_task_run). The copy uses no stack: it may
// overwrite the one we are on.
// ---------------------------------------------------------------------
qn_resume:
        adrp    x9, qn_current
        str     x0, [x9, :lo12:qn_current]
        adrp    x11, qn_run_top
        ldr     x11, [x11, :lo12:qn_run_top]  // x11 = the top
        ldr     x10, [x0, #TASK_SP]     // x10 = its stack pointer
        cbz     x10, .Lresume_start
        ldr     x12, [x0, #TASK_STACK]
        add     x12, x12, #24           // from its saved stack ...
        mov     x13, x10                // ... to where it was
1:      cmp     x13, x11
        b.hs    2f
        ldp     x14, x15, [x12], #16
        stp     x14, x15, [x13], #16
        b       1b
2:      mov     sp, x10
        ldp     x19, x20, [sp, #16]
        ldp     x21, x22, [sp, #32]
        ldp     x23, x24, [sp, #48]
        ldp     x25, x26, [sp, #64]
        ldp     x27, x28, [sp, #80]
        ldp     x29, x30, [sp], #96
        ret                             // from the task's qn_block
.Lresume_start:
        mov     sp, x11                 // a new task: its stack starts at the top
        mov     x29, #0                 // (the outermost frame)
        bl      qn_task_run             // never returns

// ---------------------------------------------------------------------
// qn_task_run(): the life of a task, from its start on an empty stack.
//   Arguments: none (the task is qn_current).   Result: never returns.
// Calls code(env); env is code's parameter, so code owns it (spec/heap.md:
// parameters are the callee's). Then the task has finished: its scope
// has one task less (the last one wakes the task waiting at the scope's
// end), its saved stack and the task are freed, and the next task runs.
// ---------------------------------------------------------------------
qn_task_run:
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        adrp    x9, qn_current
        ldr     x9, [x9, :lo12:qn_current]
        ldr     x0, [x9, #TASK_ENV]
        ldr     x10, [x9, #TASK_CODE]
        blr     x10                     // code(env)
        adrp    x19, qn_current
        ldr     x19, [x19, :lo12:qn_current]  // x19 = the task, finished
        ldr     x9, [x19, #TASK_SCOPE]
        ldr     x10, [x9, #SCOPE_LIVE]
        sub     x10, x10, #1
        str     x10, [x9, #SCOPE_LIVE]
        cbnz    x10, .Ltask_free
        ldr     x1, [x9, #SCOPE_WAITER]
        cbz     x1, .Ltask_free
        bl      qn_wake                 // the last one: the scope's end goes on
.Ltask_free:
        ldr     x0, [x19, #TASK_STACK]
        cbz     x0, 1f
        bl      qn_release              // its saved stack
1:      mov     x0, x19
        bl      qn_release              // the task
        adrp    x0, qn_ready
        add     x0, x0, :lo12:qn_ready
        bl      qn_queue_pop
        cbz     x0, qn_deadlock         // nobody ready, and main has not finished
        b       qn_resume

// ---------------------------------------------------------------------
// qn_scope_open() -> scope: a new scope, with no tasks.
//   Arguments: none.   Result: x0 = the scope (freed by qn_scope_close).
// ---------------------------------------------------------------------
        .globl qn_scope_open
qn_scope_open:
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        mov     x0, #SCOPE_BYTES
        mov     x1, #SCOPE_INFO
        bl      qn_alloc
        str     xzr, [x0, #SCOPE_LIVE]
        str     xzr, [x0, #SCOPE_WAITER]
        ldp     x29, x30, [sp], #16
        ret

// ---------------------------------------------------------------------
// qn_scope_close(scope): the end of a scope.
//   Arguments: x0 = the scope.   Result: none.
// Waits until every task spawned in the scope has finished (when they
// all have, it goes on without a switch), then frees the scope.
// ---------------------------------------------------------------------
        .globl qn_scope_close
qn_scope_close:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19
        mov     x29, sp
        str     x19, [sp, #16]          // x19 = the scope
        mov     x19, x0
        ldr     x9, [x19, #SCOPE_LIVE]
        cbz     x9, 1f                  // all finished: no switch
        adrp    x9, qn_current
        ldr     x9, [x9, :lo12:qn_current]
        str     x9, [x19, #SCOPE_WAITER]
        bl      qn_block                // until the last one wakes us
1:      mov     x0, x19
        ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #32
        b       qn_release              // tail call: free the scope

// ---------------------------------------------------------------------
// qn_spawn(scope, code, env): a new task that will run code(env).
//   Arguments: x0 = the scope it belongs to, x1 = code (the address of
//              a function of one argument), x2 = env (given to code,
//              which owns it: the caller's reference moves to the task).
//   Result:    none.
// The task goes to the back of the ready queue; the caller goes on.
// ---------------------------------------------------------------------
        .globl qn_spawn
qn_spawn:
        stp     x29, x30, [sp, #-48]!   // frame: fp, lr, x19, x20, x21
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = scope, x20 = code
        str     x21, [sp, #32]          // x21 = env
        mov     x19, x0
        mov     x20, x1
        mov     x21, x2
        mov     x0, #TASK_BYTES
        mov     x1, #TASK_INFO
        bl      qn_alloc
        str     x20, [x0, #TASK_CODE]
        str     x21, [x0, #TASK_ENV]
        str     x19, [x0, #TASK_SCOPE]
        str     xzr, [x0, #TASK_SP]     // not started: no stack yet
        str     xzr, [x0, #TASK_STACK]
        str     xzr, [x0, #TASK_VALUE]
        str     xzr, [x0, #TASK_FLAG]
        ldr     x9, [x19, #SCOPE_LIVE]
        add     x9, x9, #1
        str     x9, [x19, #SCOPE_LIVE]
        mov     x1, x0
        bl      qn_wake
        ldr     x21, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        ret

// ---------------------------------------------------------------------
// qn_yield(): the current task goes to the back of the ready queue and
// the first one runs. When no other task is ready, it just goes on.
//   Arguments: none.   Result: none.
// ---------------------------------------------------------------------
        .globl qn_yield
qn_yield:
        adrp    x9, qn_ready
        ldr     x9, [x9, :lo12:qn_ready]
        cbz     x9, 1f                  // nobody else is ready: go on
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        adrp    x1, qn_current
        ldr     x1, [x1, :lo12:qn_current]
        bl      qn_wake                 // at the back
        ldp     x29, x30, [sp], #16
        b       qn_block                // a tail call: it returns to our caller
1:      ret

// ---------------------------------------------------------------------
// qn_channel(cap, info) -> channel: a new channel, empty and open.
//   Arguments: x0 = its capacity (0: a rendezvous), x1 = info (4, plus
//              bit 8 when the values it carries are references).
//   Result:    x0 = the channel (rc = 1): a heap object of kind 4, freed
//              by qn_release like any other, which releases the values
//              still in it.
// A negative capacity panics "bad channel capacity"; one whose size does
// not fit in memory panics "out of memory".
// ---------------------------------------------------------------------
        .globl qn_channel
qn_channel:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19
        mov     x29, sp
        str     x19, [sp, #16]          // x19 = cap
        tbnz    x0, #63, qn_bad_capacity
        ldr     x9, =QN_MAX_CAPACITY
        cmp     x0, x9
        b.hi    qn_out_of_memory
        mov     x19, x0
        lsl     x0, x0, #3              // qn_alloc(80 + 8*cap, info)
        add     x0, x0, #CHAN_RING
        bl      qn_alloc
        str     x19, [x0, #CHAN_CAP]
        stp     xzr, xzr, [x0, #CHAN_COUNT]     // count, head
        stp     xzr, xzr, [x0, #CHAN_CLOSED]    // closed, receivers' first
        stp     xzr, xzr, [x0, #CHAN_RECEIVERS+8]  // receivers' last, senders' first
        str     xzr, [x0, #CHAN_SENDERS+8]      // senders' last
        ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// qn_send(ch, v): send v on a channel.
//   Arguments: x0 = the channel (borrowed), x1 = the value (a
//              reference moves to the channel, then to its receiver).
//   Result:    none.
// qn_try_send(ch, v) -> sent: the same, but it never blocks.
//   Arguments: as qn_send's (a reference not sent is released).
//   Result:    x0 = 1 when v was sent, 0 when not.
// A receiver waiting: it gets v and is woken; we go on. Room in the
// buffer: v goes in at the back; we go on. Otherwise qn_send blocks among
// the senders with v, until a receiver takes it (or close wakes us: then
// we panic); qn_try_send drops v (releases it when the channel's info has
// bit 8 set) and gives 0, without a switch. A closed channel panics "send
// on closed channel", for both.
// ---------------------------------------------------------------------
        .globl qn_try_send
qn_try_send:
        mov     x2, #1                  // x2 = 1: a try, 0: a send
        b       .Lsend
        .globl qn_send
qn_send:
        mov     x2, #0
.Lsend:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19, x20
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = the channel, x20 = v
        mov     x19, x0
        mov     x20, x1
        ldr     x9, [x19, #CHAN_CLOSED]
        cbnz    x9, qn_send_closed
        add     x0, x19, #CHAN_RECEIVERS
        bl      qn_queue_pop            // x0 = a waiting receiver?
        cbz     x0, .Lsend_buffer
        str     x20, [x0, #TASK_VALUE]  // yes: v is its
        mov     x9, #1
        str     x9, [x0, #TASK_FLAG]
        mov     x1, x0
        bl      qn_wake
        b       .Lsend_sent
.Lsend_buffer:
        ldr     x10, [x19, #CHAN_COUNT]
        ldr     x11, [x19, #CHAN_CAP]
        cmp     x10, x11
        b.hs    .Lsend_full             // full (or capacity 0)
        ldr     x9, [x19, #CHAN_HEAD]
        add     x9, x9, x10             // x9 = (head + count) mod cap
        cmp     x9, x11
        b.lo    1f
        sub     x9, x9, x11
1:      add     x12, x19, #CHAN_RING
        str     x20, [x12, x9, lsl #3]
        add     x10, x10, #1
        str     x10, [x19, #CHAN_COUNT]
.Lsend_sent:
        mov     x0, #1                  // (qn_try_send's result)
        b       .Lsend_done
.Lsend_full:
        cbz     x2, .Lsend_block
        ldr     x9, [x19, #8]           // a try: 0, and v is dropped
        tbz     x9, #8, 1f              // a plain value
        mov     x0, x20                 // a reference: release it
        bl      qn_release
1:      mov     x0, #0
        b       .Lsend_done
.Lsend_block:
        adrp    x1, qn_current
        ldr     x1, [x1, :lo12:qn_current]
        str     x20, [x1, #TASK_VALUE]  // v waits with us
        add     x0, x19, #CHAN_SENDERS
        bl      qn_queue_push
        bl      qn_block
        adrp    x9, qn_current
        ldr     x9, [x9, :lo12:qn_current]
        ldr     x9, [x9, #TASK_FLAG]
        cbz     x9, qn_send_closed      // close woke us
.Lsend_done:
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// qn_recv(ch) -> (value, found): receive from a channel.
//   Arguments: x0 = the channel (borrowed).
//   Result:    x0 = the value (a reference is the caller's), x1 = 1;
//              or x0 = 0, x1 = 0 when the channel is closed and empty.
// Values in the buffer: we take the oldest, and the first blocked sender
// (if any) puts its value in at the back and is woken. No values but a
// blocked sender (capacity 0): we take its value and wake it. Closed:
// (0, 0). Otherwise we wait among the receivers until a sender hands us
// a value, or close wakes us with none.
// ---------------------------------------------------------------------
        .globl qn_recv
qn_recv:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19, x20
        mov     x29, sp
        stp     x19, x20, [sp, #16]     // x19 = the channel, x20 = the value
        mov     x19, x0
        ldr     x10, [x19, #CHAN_COUNT]
        cbz     x10, .Lrecv_direct
        ldr     x9, [x19, #CHAN_HEAD]
        ldr     x11, [x19, #CHAN_CAP]
        add     x12, x19, #CHAN_RING
        ldr     x20, [x12, x9, lsl #3]  // x20 = the oldest value
        add     x9, x9, #1
        cmp     x9, x11
        csel    x9, xzr, x9, hs         // the ring goes round
        str     x9, [x19, #CHAN_HEAD]
        sub     x10, x10, #1
        str     x10, [x19, #CHAN_COUNT]
        add     x0, x19, #CHAN_SENDERS
        bl      qn_queue_pop            // x0 = a blocked sender?
        cbz     x0, .Lrecv_found
        ldr     x13, [x0, #TASK_VALUE]  // yes: its value goes in at the back
        ldr     x9, [x19, #CHAN_HEAD]
        ldr     x10, [x19, #CHAN_COUNT]
        ldr     x11, [x19, #CHAN_CAP]
        add     x9, x9, x10
        cmp     x9, x11
        b.lo    2f
        sub     x9, x9, x11
2:      add     x12, x19, #CHAN_RING
        str     x13, [x12, x9, lsl #3]
        add     x10, x10, #1
        str     x10, [x19, #CHAN_COUNT]
        b       .Lrecv_wake
.Lrecv_direct:
        add     x0, x19, #CHAN_SENDERS
        bl      qn_queue_pop            // a blocked sender (capacity 0)?
        cbz     x0, .Lrecv_wait
        ldr     x20, [x0, #TASK_VALUE]  // yes: its value is ours
.Lrecv_wake:
        mov     x9, #1
        str     x9, [x0, #TASK_FLAG]    // the sender goes on
        mov     x1, x0
        bl      qn_wake
.Lrecv_found:
        mov     x0, x20
        mov     x1, #1
        b       .Lrecv_done
.Lrecv_wait:
        mov     x0, #0                  // closed: (0, 0), None
        mov     x1, #0
        ldr     x9, [x19, #CHAN_CLOSED]
        cbnz    x9, .Lrecv_done
        adrp    x1, qn_current
        ldr     x1, [x1, :lo12:qn_current]
        add     x0, x19, #CHAN_RECEIVERS
        bl      qn_queue_push
        bl      qn_block                // until a sender or close wakes us
        adrp    x9, qn_current
        ldr     x9, [x9, :lo12:qn_current]
        ldr     x0, [x9, #TASK_VALUE]
        ldr     x1, [x9, #TASK_FLAG]
.Lrecv_done:
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// qn_close(ch): close a channel.
//   Arguments: x0 = the channel (borrowed).   Result: none.
// Every waiting receiver is woken with None, every blocked sender is
// woken to panic "send on closed channel" when it runs; the values in
// the buffer can still be received. Closing a closed channel does
// nothing. Never switches.
// ---------------------------------------------------------------------
        .globl qn_close
qn_close:
        stp     x29, x30, [sp, #-32]!   // frame: fp, lr, x19
        mov     x29, sp
        str     x19, [sp, #16]          // x19 = the channel
        mov     x19, x0
        mov     x9, #1
        str     x9, [x19, #CHAN_CLOSED]
.Lclose_receivers:
        add     x0, x19, #CHAN_RECEIVERS
        bl      qn_queue_pop
        cbz     x0, .Lclose_senders
        str     xzr, [x0, #TASK_VALUE]  // None
        str     xzr, [x0, #TASK_FLAG]
        mov     x1, x0
        bl      qn_wake
        b       .Lclose_receivers
.Lclose_senders:
        add     x0, x19, #CHAN_SENDERS
        bl      qn_queue_pop
        cbz     x0, .Lclose_done
        str     xzr, [x0, #TASK_FLAG]   // it panics when it runs
        mov     x1, x0
        bl      qn_wake
        b       .Lclose_senders
.Lclose_done:
        ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret

// ---------------------------------------------------------------------
// The panics of tasks and channels.
// ---------------------------------------------------------------------
qn_deadlock:
        adrp    x0, qn_msg_deadlock
        add     x0, x0, :lo12:qn_msg_deadlock
        mov     x1, #8
        bl      qn_panic                // does not return
qn_send_closed:
        adrp    x0, qn_msg_send_closed
        add     x0, x0, :lo12:qn_msg_send_closed
        mov     x1, #22
        bl      qn_panic                // does not return
qn_bad_capacity:
        adrp    x0, qn_msg_capacity
        add     x0, x0, :lo12:qn_msg_capacity
        mov     x1, #20
        bl      qn_panic                // does not return

// ---------------------------------------------------------------------
// qn_append_uint(dst, x) -> pointer: write x in decimal at dst.
//   Arguments: x0 = where to, x1 = the number (unsigned).
//   Result:    x0 = one past the last digit written.
// Digits are produced right to left into a small buffer on the stack
// (as in qn_print_int), then copied to dst.
// ---------------------------------------------------------------------
qn_append_uint:
        stp     x29, x30, [sp, #-48]!   // fp, lr + 32-byte digit buffer
        mov     x29, sp
        add     x9, sp, #48             // x9 = one past the last digit
        mov     x10, #10
.Lau_digit_loop:
        udiv    x11, x1, x10            // x11 = x1 / 10 (unsigned)
        msub    x12, x11, x10, x1       // x12 = x1 - x11*10 = last digit
        add     w12, w12, #'0'
        strb    w12, [x9, #-1]!
        mov     x1, x11
        cbnz    x1, .Lau_digit_loop     // until no digits are left
        mov     x1, x9                  // qn_copy_bytes(dst, digits, count)
        add     x2, sp, #48
        sub     x2, x2, x9
        bl      qn_copy_bytes
        ldp     x29, x30, [sp], #48
        ret

// ---------------------------------------------------------------------
// qn_leak_check(): report the objects still live when main returns.
//   Arguments: none.   Result: none.
// Only when the environment variable QNANO_LEAK_CHECK is set and not
// empty: like getenv, we look for the first envp string that starts
// with "QNANO_LEAK_CHECK=" (the end of a shorter string, its 0 byte,
// never matches). Then stdout is flushed, so the report comes after the
// program's output, and
//     leak check: N objects, B bytes live\n
// is written to stderr, N = qn_live_objects and B = qn_live_bytes. The
// line is put together in a buffer on the stack.
// ---------------------------------------------------------------------
qn_leak_check:
        stp     x29, x30, [sp, #-128]!  // fp, lr, x19 + 96-byte text buffer
        mov     x29, sp
        str     x19, [sp, #16]          // x19 = the next envp entry
        adrp    x19, qn_envp
        ldr     x19, [x19, :lo12:qn_envp]
.Llc_env_loop:
        ldr     x1, [x19], #8           // x1 = "NAME=value", or NULL
        cbz     x1, .Llc_done           // not set: nothing to report
        adrp    x0, qn_str_leak_var
        add     x0, x0, :lo12:qn_str_leak_var
        mov     x2, #0                  // x2 = bytes compared
.Llc_compare:
        ldrb    w9, [x1, x2]
        ldrb    w10, [x0, x2]
        cmp     w9, w10
        b.ne    .Llc_env_loop           // another variable
        add     x2, x2, #1
        cmp     x2, #17
        b.lo    .Llc_compare
        ldrb    w9, [x1, #17]
        cbz     w9, .Llc_done           // set to "": nothing to report
        bl      qn_flush
        add     x0, sp, #32             // "leak check: "
        adrp    x1, qn_str_leak_1
        add     x1, x1, :lo12:qn_str_leak_1
        mov     x2, #12
        bl      qn_copy_bytes
        adrp    x1, qn_live_objects     // N
        ldr     x1, [x1, :lo12:qn_live_objects]
        bl      qn_append_uint
        adrp    x1, qn_str_leak_2       // " objects, "
        add     x1, x1, :lo12:qn_str_leak_2
        mov     x2, #10
        bl      qn_copy_bytes
        adrp    x1, qn_live_bytes       // B
        ldr     x1, [x1, :lo12:qn_live_bytes]
        bl      qn_append_uint
        adrp    x1, qn_str_leak_3       // " bytes live\n"
        add     x1, x1, :lo12:qn_str_leak_3
        mov     x2, #12
        bl      qn_copy_bytes
        add     x1, sp, #32             // qn_write_all(2, text, end - text)
        sub     x2, x0, x1
        mov     x0, #2
        bl      qn_write_all
.Llc_done:
        ldr     x19, [sp, #16]
        ldp     x29, x30, [sp], #128
        ret

// The literal pool (for `ldr x2, =...` above) goes here.
        .ltorg

// No executable stack needed.
        .section .note.GNU-stack,"",%progbits
