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
        .equ RLIMIT_AS, 9
        .equ SYS_SYSINFO, 99
        .equ SYSINFO_SIZE, 112          # struct sysinfo: totalram, totalswap and mem_unit at these offsets
        .equ SYSINFO_TOTALRAM, 32
        .equ SYSINFO_TOTALSWAP, 64
        .equ SYSINFO_MEM_UNIT, 104
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
        .equ QN_MAX_BYTES_LENGTH, QN_MAX_BYTES - 24  # the longest array of bytes
        # Tasks, scopes and channels (runtime-asm/README.md, "Concurrency"):
        # the byte offsets of their words.
        .equ TASK_NEXT, 16              # task: the next task in the queue it is in
        .equ TASK_CODE, 24              #   what it runs: code(env)
        .equ TASK_ENV, 32
        .equ TASK_SCOPE, 40             #   the scope it belongs to
        .equ TASK_SP, 48                #   its stack pointer when it stopped; 0: not started
        .equ TASK_STACK, 56             #   its saved stack (an array of words), or 0
        .equ TASK_VALUE, 64             #   the value it sends, or receives
        .equ TASK_FLAG, 72              #   1: a partner took or gave the value; 0: close woke it
        .equ TASK_BYTES, 80
        .equ TASK_INFO, 1 | 8 << 8      #   8 fields, none a counted reference
        .equ SCOPE_LIVE, 16             # scope: how many of its tasks have not finished
        .equ SCOPE_WAITER, 24           #   the task waiting at its end, or 0
        .equ SCOPE_BYTES, 32
        .equ SCOPE_INFO, 1 | 2 << 8
        .equ CHAN_CAP, 16               # channel (kind 4): its capacity
        .equ CHAN_COUNT, 24             #   how many values the ring holds
        .equ CHAN_HEAD, 32              #   the oldest one's index in the ring
        .equ CHAN_CLOSED, 40            #   1 once closed
        .equ CHAN_RECEIVERS, 48         #   waiting receivers: a queue (first, last)
        .equ CHAN_SENDERS, 64           #   blocked senders: a queue (first, last)
        .equ CHAN_RING, 80              #   the ring: capacity words
        .equ QN_MAX_CAPACITY, (QN_MAX_BYTES - CHAN_RING) / 8  # the largest channel

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
qn_msg_deadlock:        .ascii "deadlock"          # 8 bytes
qn_msg_send_closed:     .ascii "send on closed channel"  # 22 bytes
qn_msg_capacity:        .ascii "bad channel capacity"    # 20 bytes
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
qn_current:     .skip 8                 # the task that runs
qn_ready:       .skip 16                # the ready queue: its first and last task
qn_run_top:     .skip 8                 # the top of the stack every task runs on
qn_main_task:   .skip TASK_BYTES        # main's task (not a heap object)

        .text

# ---------------------------------------------------------------------
# _start: the entry point of the executable (the kernel jumps here).
#   Arguments: none (the stack holds argc, the argv pointers, a NULL,
#              the envp pointers, a NULL and the auxiliary vector;
#              we keep envp in qn_envp).
#   Result:    never returns.
# Sets qn_stack_limit, makes main the current task, with the stack's top
# here (qn_run_top: every task's stack starts there), calls qn_main (the
# compiled program), frees main's saved stack if it ever stopped, reports
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
        leaq    qn_main_task(%rip), %rax
        movq    %rax, qn_current(%rip)  # main is the task that runs
        movq    %rsp, qn_run_top(%rip)  # and every task's stack starts here
        call    qn_cap_memory           # a mapping past the machine's memory fails
        call    qn_main
        movq    qn_main_task+TASK_STACK(%rip), %rdi
        testq   %rdi, %rdi
        jz      1f
        call    qn_release              # main's saved stack, if it ever stopped
1:      call    qn_leak_check           # QNANO_LEAK_CHECK: report live objects
        xorl    %edi, %edi              # exit code 0
        call    qn_exit                 # does not return

# ---------------------------------------------------------------------
# qn_cap_memory: called once, by _start.
#   Arguments: none.  Result: none.
# Lowers the soft limit of the address space (RLIMIT_AS) to the
# machine's memory, RAM and swap (sysinfo), when it is above that: a
# mapping that would go past it fails, and the allocator panics `out of
# memory` (spec/heap.md). Without it the kernel grants mappings that the
# machine cannot back, and kills the process (SIGKILL) once their pages
# are touched. A lower limit is kept; a refused call changes nothing.
# ---------------------------------------------------------------------
qn_cap_memory:
        subq    $SYSINFO_SIZE+8, %rsp   # (rsp stays 16-byte aligned)
        movq    %rsp, %rdi
        movl    $SYS_SYSINFO, %eax
        syscall
        testq   %rax, %rax
        jnz     1f                      # no answer: no cap
        movq    SYSINFO_TOTALRAM(%rsp), %r8
        addq    SYSINFO_TOTALSWAP(%rsp), %r8
        movl    SYSINFO_MEM_UNIT(%rsp), %eax
        imulq   %rax, %r8               # r8 = RAM and swap, in bytes
        xorl    %edi, %edi              # pid 0: this process
        movl    $RLIMIT_AS, %esi
        xorl    %edx, %edx              # no new limit
        leaq    qn_rlimit(%rip), %r10   # where the old one goes
        movl    $SYS_PRLIMIT64, %eax
        syscall                         # keeps r8
        testq   %rax, %rax
        jnz     1f
        cmpq    qn_rlimit(%rip), %r8    # below the soft limit (unsigned)?
        jae     1f
        movq    %r8, qn_rlimit(%rip)    # the new soft limit; the hard one as it was
        xorl    %edi, %edi
        movl    $RLIMIT_AS, %esi
        leaq    qn_rlimit(%rip), %rdx   # the new limit
        xorl    %r10d, %r10d            # the old one not wanted
        movl    $SYS_PRLIMIT64, %eax
        syscall
1:      addq    $SYSINFO_SIZE+8, %rsp
        ret

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
#   kind 5, bytes:   info = 5, an Array[Bool]: length at 16, a byte an element from 24, 24 + length
#   kind 4, channel: info = 4 | r << 8, capacity at 16, ring from 80, 80 + 8*capacity bytes
#   a union's value: a fields object, its tag at 16 (if two constructors have fields) then its fields;
#   or, without fields, the odd word tag*2 + 1,
#   never an address (a multiple of 8): inc, dec and release leave an odd word alone
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
#              rdx = info (2, plus bit 8 when the elements are references;
#              or 5, an array of bytes: an Array[Bool]).
#   Result:    rax = the array: rc = 1, the length at 16, the elements
#              from 24, each a word (kind 2) or a byte, init's low byte
#              (kind 5).
# When the elements are references, init's rc goes up by length (one
# per element; the caller keeps its own reference).
# A negative length panics "index out of bounds". A length above
# QN_MAX_LENGTH (size 24 + 8*length above QN_MAX_BYTES; for bytes,
# QN_MAX_BYTES_LENGTH) panics "out of memory"; we check it before
# multiplying, so nothing overflows.
# ---------------------------------------------------------------------
        .globl qn_array
qn_array:
        pushq   %rbx                    # rbx = length
        pushq   %r12                    # r12 = init
        pushq   %r13                    # r13 = info
                                        # (3 pushes: stack is aligned)
        testq   %rdi, %rdi
        js      qn_index_out_of_bounds  # a negative length
        movq    %rdi, %rbx
        movq    %rsi, %r12
        movq    %rdx, %r13
        cmpb    $5, %dl
        je      .Larray_bytes           # an array of bytes
        movabsq $QN_MAX_LENGTH, %rax
        cmpq    %rax, %rdi
        ja      qn_out_of_memory        # far too long
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
        testb   $1, %r12b
        jnz     .Larray_done            # init is an immediate: nothing to count
        addq    %rbx, (%r12)            # init's rc += length
        jmp     .Larray_done
.Larray_bytes:
        movabsq $QN_MAX_BYTES_LENGTH, %rax
        cmpq    %rax, %rdi
        ja      qn_out_of_memory        # far too long
        addq    $24, %rdi               # qn_alloc(24 + length, 5)
        movq    %r13, %rsi
        call    qn_alloc
        movq    %rbx, 16(%rax)          # the length
        movq    %rax, %rdx              # rdx = the array
        leaq    24(%rax), %rdi          # rdi = the first byte
        movq    %rbx, %rcx              # rcx = bytes left
        movq    %r12, %rax              # al = init's low byte
        rep stosb                       # each byte = al
        movq    %rdx, %rax
.Larray_done:
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_free(p: pointer): give a dead object's memory back.
#   Arguments: rdi = the object (its references already released).
#   Result:    none.
# Its size comes from info (and the length of an array, an array of
# bytes or a string, or the capacity of a channel).
# It leaves the leak check's counts. A small block goes to the front of
# its size class's free list; a big object's mapping goes to the cache
# (qn_big_keep), which unmaps the oldest one when it is full.
# ---------------------------------------------------------------------
qn_free:
        movq    8(%rdi), %rax           # rax = info
        cmpb    $1, %al
        je      .Lfree_fields
        movq    16(%rdi), %rsi          # rsi = the length (a channel's capacity)
        cmpb    $4, %al
        je      .Lfree_channel
        cmpb    $2, %al
        jne     .Lfree_string
        leaq    24(,%rsi,8), %rsi       # an array: 24 + 8*length bytes
        jmp     .Lfree_sized
.Lfree_channel:
        leaq    CHAN_RING(,%rsi,8), %rsi  # a channel: 80 + 8*capacity bytes
        jmp     .Lfree_sized
.Lfree_string:
        addq    $24, %rsi               # a string, an array of bytes: 24 + length
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
# info has bit 8 set; each value in the ring of a channel whose info has
# bit 8 set) is dropped in turn, which may kill more objects, and its
# memory is freed (qn_free).
# There is no recursion and no growing stack: the dead objects whose
# references are still to be dropped form a worklist, linked through
# their rc words (0 once dead, so free to hold the link). Freeing a
# list a million long takes the same few stack bytes as one object.
# String literals start at rc 2^62 and never reach zero. An odd word is
# a union's immediate, no object: it is left alone, here and in the walk.
# ---------------------------------------------------------------------
        .globl qn_release
qn_release:
        testb   $1, %dil
        jnz     .Lrel_immediate         # an immediate (odd): no object
        decq    (%rdi)                  # rc - 1
        jz      .Lrel_dead
.Lrel_immediate:
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
        cmpb    $4, %al
        je      .Lrel_channel
        cmpb    $2, %al
        jne     .Lrel_free              # a string, an array of bytes: no references
        btq     $8, %rax
        jnc     .Lrel_free              # an array of plain values
        leaq    24(%r12), %rsi          # rsi = the next element
        movq    16(%r12), %rcx          # rcx = elements left
.Lrel_elem_loop:
        testq   %rcx, %rcx
        jz      .Lrel_free
        movq    (%rsi), %rdi            # rdi = the element
        testb   $1, %dil
        jnz     .Lrel_elem_next         # an immediate: no reference
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
        testb   $1, %dil
        jnz     .Lrel_field_next        # an immediate: no reference
        decq    (%rdi)                  # drop the reference
        jnz     .Lrel_field_next
        movq    %rbx, (%rdi)            # dead too: put it on the worklist
        movq    %rdi, %rbx
.Lrel_field_next:
        shrq    $1, %rax                # the next field's bit
        addq    $8, %rsi
        jmp     .Lrel_field_loop
.Lrel_channel:                          # the values still in its ring
        btq     $8, %rax
        jnc     .Lrel_free              # plain values
        movq    CHAN_COUNT(%r12), %rcx  # rcx = values left
        movq    CHAN_HEAD(%r12), %rdx   # rdx = the next one's index
.Lrel_ring_loop:
        testq   %rcx, %rcx
        jz      .Lrel_free
        movq    CHAN_RING(%r12,%rdx,8), %rdi
        testb   $1, %dil
        jnz     .Lrel_ring_next         # an immediate: no reference
        decq    (%rdi)                  # drop the reference
        jnz     .Lrel_ring_next
        movq    %rbx, (%rdi)            # dead too: put it on the worklist
        movq    %rdi, %rbx
.Lrel_ring_next:
        incq    %rdx                    # the ring goes round
        cmpq    CHAN_CAP(%r12), %rdx
        jb      1f
        xorl    %edx, %edx
1:      decq    %rcx
        jmp     .Lrel_ring_loop
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
# qn_string_cmp(a: string, b: string) -> i64: how a orders against b.
#   Arguments: rdi = a, rsi = b.
#   Result:    rax = -1, 0 or 1 as a comes before, is, or comes after b:
#              byte by byte (unsigned), and a prefix first.
# ---------------------------------------------------------------------
        .globl qn_string_cmp
qn_string_cmp:
        movq    16(%rdi), %rcx          # rcx = a's length
        movq    16(%rsi), %rdx          # rdx = b's length
        movq    %rcx, %r8
        cmpq    %rdx, %r8
        cmovaq  %rdx, %r8               # r8 = bytes to compare: the shorter length
        addq    $24, %rdi
        addq    $24, %rsi
.Lstrcmp_loop:
        testq   %r8, %r8
        jz      .Lstrcmp_lengths
        movzbl  (%rdi), %eax
        movzbl  (%rsi), %r9d
        cmpl    %r9d, %eax
        jb      .Lstrcmp_less
        ja      .Lstrcmp_more
        incq    %rdi
        incq    %rsi
        decq    %r8
        jmp     .Lstrcmp_loop
.Lstrcmp_lengths:                       # one is a prefix of the other
        cmpq    %rdx, %rcx
        jb      .Lstrcmp_less
        ja      .Lstrcmp_more
        xorl    %eax, %eax
        ret
.Lstrcmp_less:
        movq    $-1, %rax
        ret
.Lstrcmp_more:
        movl    $1, %eax
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
# What core.string and core.io are written over: a byte of a string, a
# slice of one, output without a newline, and a line of input.
# ---------------------------------------------------------------------

# ---------------------------------------------------------------------
# qn_string_of(bytes, n) -> string: a new string of the n bytes at bytes.
#   Arguments: rdi = where the bytes are, rsi = how many.
#   Result:    rax = the new string (rc = 1).
# ---------------------------------------------------------------------
qn_string_of:
        pushq   %rbx                    # rbx = where the bytes are
        pushq   %r12                    # r12 = how many
        pushq   %r13                    # r13 = the new string
                                        # (3 pushes: stack is aligned)
        movq    %rdi, %rbx
        movq    %rsi, %r12
        leaq    24(%r12), %rdi          # qn_alloc(24 + n, 3)
        movl    $3, %esi
        call    qn_alloc
        movq    %rax, %r13
        movq    %r12, 16(%r13)          # its length
        leaq    24(%r13), %rdi          # qn_copy_bytes(its bytes, bytes, n)
        movq    %rbx, %rsi
        movq    %r12, %rdx
        call    qn_copy_bytes
        movq    %r13, %rax
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_string_byte(s: string, i: i64) -> i64: the byte at index i.
#   Arguments: rdi = s (borrowed), rsi = i.
#   Result:    rax = 0..255. An i outside 0 .. len-1 panics with
#              "index out of bounds" (one unsigned compare: a negative
#              i is a huge unsigned one).
# ---------------------------------------------------------------------
        .globl qn_string_byte
qn_string_byte:
        cmpq    16(%rdi), %rsi
        jae     .Lsb_out
        movzbl  24(%rdi,%rsi), %eax
        ret
.Lsb_out:
        subq    $8, %rsp                # aligned as at a call in compiled code
        jmp     qn_index_out_of_bounds

# ---------------------------------------------------------------------
# qn_string_slice(s: string, start: i64, end: i64) -> string: the bytes
# of s from start up to (not including) end, in a new string.
#   Arguments: rdi = s (borrowed), rsi = start, rdx = end.
#   Result:    rax = the new string (rc = 1).
# Panics with "index out of bounds" unless 0 <= start <= end <= len,
# and when start or end falls inside a character (the byte there is a
# UTF-8 continuation byte, 10xxxxxx): so a slice is always whole
# characters, as its string was.
# ---------------------------------------------------------------------
        .globl qn_string_slice
qn_string_slice:
        movq    16(%rdi), %rcx          # rcx = s's length
        cmpq    %rcx, %rdx
        ja      .Lss_out                # end > len (or end < 0: unsigned)
        cmpq    %rdx, %rsi
        ja      .Lss_out                # start > end (or start < 0)
        cmpq    %rcx, %rsi
        jae     1f                      # start = len: a boundary
        movzbl  24(%rdi,%rsi), %eax
        andl    $0xc0, %eax
        cmpl    $0x80, %eax
        je      .Lss_out                # start inside a character
1:      cmpq    %rcx, %rdx
        jae     2f                      # end = len: a boundary
        movzbl  24(%rdi,%rdx), %eax
        andl    $0xc0, %eax
        cmpl    $0x80, %eax
        je      .Lss_out                # end inside a character
2:      leaq    24(%rdi,%rsi), %rdi     # qn_string_of(s + 24 + start, end - start)
        subq    %rsi, %rdx
        movq    %rdx, %rsi
        jmp     qn_string_of            # tail call: it returns for us
.Lss_out:
        subq    $8, %rsp                # aligned as at a call in compiled code
        jmp     qn_index_out_of_bounds

# ---------------------------------------------------------------------
# qn_write_string(s: string): write s's bytes to stdout, no newline.
#   Arguments: rdi = the string (borrowed).   Result: none.
# ---------------------------------------------------------------------
        .globl qn_write_string
qn_write_string:
        movq    16(%rdi), %rsi          # qn_put_bytes(s + 24, s.len)
        addq    $24, %rdi
        jmp     qn_put_bytes            # tail call: it returns for us

# ---------------------------------------------------------------------
# qn_input_line() -> string: the next line of stdin, its '\n' included
# (the last line may have none), or "" at the end of input.
#   Arguments: none.   Result: rax = the new string (rc = 1).
# stdout is flushed first, as by qn_read_int, and the bytes come from
# the same buffer (qn_read_byte), so the two may be mixed. They are
# gathered in a buffer that is itself a string object whose length is
# its capacity (so qn_release frees it with its size), twice as big
# each time it is full; at the end the line is copied into a string of
# its own length and the buffer is released.
# ---------------------------------------------------------------------
        .globl qn_input_line
qn_input_line:
        pushq   %rbx                    # rbx = the buffer
        pushq   %r12                    # r12 = bytes in it
        pushq   %r13                    # r13 = its capacity
        pushq   %r14                    # r14 = the byte read; a new string
        pushq   %r15                    # r15 = a bigger buffer
                                        # (5 pushes: stack is aligned)
        call    qn_flush
        movl    $64, %r13d
        leaq    24(%r13), %rdi          # qn_alloc(24 + 64, 3)
        movl    $3, %esi
        call    qn_alloc
        movq    %rax, %rbx
        movq    %r13, 16(%rbx)
        xorl    %r12d, %r12d
.Lil_next:
        call    qn_read_byte
        cmpq    $-1, %rax
        je      .Lil_done               # end of input
        movq    %rax, %r14
        cmpq    %r13, %r12
        jb      .Lil_store
        addq    %r13, %r13              # full: one twice as big
        leaq    24(%r13), %rdi
        movl    $3, %esi
        call    qn_alloc
        movq    %rax, %r15
        movq    %r13, 16(%r15)
        leaq    24(%r15), %rdi          # the bytes so far, into it
        leaq    24(%rbx), %rsi
        movq    %r12, %rdx
        call    qn_copy_bytes
        movq    %rbx, %rdi
        call    qn_release
        movq    %r15, %rbx
.Lil_store:
        movb    %r14b, 24(%rbx,%r12)
        incq    %r12
        cmpq    $'\n', %r14
        jne     .Lil_next
.Lil_done:
        leaq    24(%rbx), %rdi          # the line: qn_string_of(its bytes, count)
        movq    %r12, %rsi
        call    qn_string_of
        movq    %rax, %r14
        movq    %rbx, %rdi
        call    qn_release
        movq    %r14, %rax
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

# =====================================================================
# Tasks and channels (runtime-asm/README.md, "Concurrency").
#
# Green threads on one OS thread. A task is a heap object (TASK_*); the
# one that runs is qn_current; the tasks ready to run wait in qn_ready,
# first in, first out. Each channel has a queue of waiting receivers and
# one of blocked senders; a scope counts its tasks that have not
# finished. A task runs until it blocks, finishes or yields; then the
# first ready task runs (none: deadlock).
#
# The stack. Every task runs on the one stack the kernel gave us, below
# qn_run_top, where main's stack starts: so a task's frames are always
# at the same addresses when it runs, and the prelude's check against
# qn_stack_limit is the same for all. When a task stops (qn_block), its
# callee-saved registers are pushed and the bytes from its stack pointer
# up to qn_run_top are copied into its saved stack, an array of words on
# the heap, exactly as big as what it uses (made bigger when it is too
# small); when it runs again (qn_resume), they are copied back. A task
# that has not started has no stack at all, and a finished one's saved
# stack is freed.
# =====================================================================

# ---------------------------------------------------------------------
# qn_queue_push(queue, task): put a task at the back of a queue.
#   Arguments: rdi = the queue (two words: its first and last task, 0
#              when empty), rsi = the task.   Result: none.
# Changes only rax (its callers keep values in the other registers).
# ---------------------------------------------------------------------
qn_queue_push:
        movq    $0, TASK_NEXT(%rsi)     # the task is the last one
        movq    8(%rdi), %rax           # rax = the one that was last
        testq   %rax, %rax
        jz      1f
        movq    %rsi, TASK_NEXT(%rax)   # the task comes after it
        jmp     2f
1:      movq    %rsi, (%rdi)            # the queue was empty: also the first
2:      movq    %rsi, 8(%rdi)
        ret

# ---------------------------------------------------------------------
# qn_queue_pop(queue) -> task: take the first task off a queue.
#   Arguments: rdi = the queue.
#   Result:    rax = the task, or 0 when the queue is empty.
# Changes only rax and rcx.
# ---------------------------------------------------------------------
qn_queue_pop:
        movq    (%rdi), %rax
        testq   %rax, %rax
        jz      1f                      # empty
        movq    TASK_NEXT(%rax), %rcx
        movq    %rcx, (%rdi)            # the next one is first now
        testq   %rcx, %rcx
        jnz     1f
        movq    $0, 8(%rdi)             # it was the only one
1:      ret

# ---------------------------------------------------------------------
# qn_wake(task): the task is ready: it goes to the back of qn_ready.
#   Arguments: rsi = the task.   Result: none.   Changes rax and rdi.
# ---------------------------------------------------------------------
qn_wake:
        leaq    qn_ready(%rip), %rdi
        jmp     qn_queue_push           # tail call

# ---------------------------------------------------------------------
# qn_block(): the current task stops; the first ready task runs.
#   Arguments: none.   Result: none.
# The caller has already put the current task where it waits (in a
# channel's queue, at its scope's end, or at the back of qn_ready); this
# returns when the task has been woken and its turn has come.
# Pushes the callee-saved registers, copies the stack from rsp up to
# qn_run_top into the task's saved stack (a new one when it has none or
# it is too small) and resumes the next task. Nobody ready: deadlock.
# ---------------------------------------------------------------------
qn_block:
        pushq   %rbp                    # what the task needs when it goes on:
        pushq   %rbx                    # the callee-saved registers ...
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        subq    $8, %rsp                # ... (realign the stack to 16 bytes)
        cmpq    $0, qn_ready(%rip)
        je      qn_deadlock             # nobody can run, so nobody will wake us
        movq    qn_current(%rip), %rbx  # rbx = the task that stops
        movq    %rsp, TASK_SP(%rbx)     # ... and its stack pointer
        movq    qn_run_top(%rip), %r12
        subq    %rsp, %r12
        shrq    $3, %r12                # r12 = the words it uses of the stack
        movq    TASK_STACK(%rbx), %rdi
        testq   %rdi, %rdi
        jz      .Lblock_new             # it never stopped before
        cmpq    %r12, 16(%rdi)
        jae     .Lblock_copy            # its saved stack is big enough
        call    qn_release              # too small: a bigger one
.Lblock_new:
        leaq    24(,%r12,8), %rdi       # qn_alloc(24 + 8*words, 2): an array of words
        movl    $2, %esi
        call    qn_alloc
        movq    %r12, 16(%rax)
        movq    %rax, TASK_STACK(%rbx)
        movq    %rax, %rdi
.Lblock_copy:
        addq    $24, %rdi               # copy r12 words from rsp into it
        movq    %rsp, %rsi
        movq    %r12, %rcx
        rep movsq
        leaq    qn_ready(%rip), %rdi
        call    qn_queue_pop            # rax = the next task
        jmp     qn_resume

# ---------------------------------------------------------------------
# qn_resume(task): run a task from where it stopped.
#   Arguments: rax = the task (off every queue).   Result: never returns.
# Copies the task's saved stack back below qn_run_top, where it was,
# and returns from the task's qn_block; a task that has not started
# starts at the top (qn_task_run). The copy uses no stack: it may
# overwrite the one we are on.
# ---------------------------------------------------------------------
qn_resume:
        movq    %rax, qn_current(%rip)
        movq    TASK_SP(%rax), %rdx     # rdx = its stack pointer
        testq   %rdx, %rdx
        jz      .Lresume_start
        movq    qn_run_top(%rip), %rcx
        subq    %rdx, %rcx
        shrq    $3, %rcx                # rcx = the words saved
        movq    TASK_STACK(%rax), %rsi
        addq    $24, %rsi
        movq    %rdx, %rdi
        rep movsq                       # copied back where they were
        movq    %rdx, %rsp
        addq    $8, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret                             # from the task's qn_block
.Lresume_start:
        movq    qn_run_top(%rip), %rsp  # a new task: its stack starts at the top
        xorl    %ebp, %ebp              # (the outermost frame)
        call    qn_task_run             # never returns

# ---------------------------------------------------------------------
# qn_task_run(): the life of a task, from its start on an empty stack.
#   Arguments: none (the task is qn_current).   Result: never returns.
# Calls code(env); env is code's parameter, so code owns it (spec/heap.md:
# parameters are the callee's). Then the task has finished: its scope
# has one task less (the last one wakes the task waiting at the scope's
# end), its saved stack and the task are freed, and the next task runs.
# ---------------------------------------------------------------------
qn_task_run:
        subq    $8, %rsp                # realign the stack to 16 bytes
        movq    qn_current(%rip), %rax
        movq    TASK_ENV(%rax), %rdi
        call    *TASK_CODE(%rax)        # code(env)
        movq    qn_current(%rip), %rbx  # rbx = the task, finished
        movq    TASK_SCOPE(%rbx), %rax
        decq    SCOPE_LIVE(%rax)
        jnz     .Ltask_free
        movq    SCOPE_WAITER(%rax), %rsi
        testq   %rsi, %rsi
        jz      .Ltask_free
        call    qn_wake                 # the last one: the scope's end goes on
.Ltask_free:
        movq    TASK_STACK(%rbx), %rdi
        testq   %rdi, %rdi
        jz      1f
        call    qn_release              # its saved stack
1:      movq    %rbx, %rdi
        call    qn_release              # the task
        leaq    qn_ready(%rip), %rdi
        call    qn_queue_pop
        testq   %rax, %rax
        jz      qn_deadlock             # nobody ready, and main has not finished
        jmp     qn_resume

# ---------------------------------------------------------------------
# qn_scope_open() -> scope: a new scope, with no tasks.
#   Arguments: none.   Result: rax = the scope (freed by qn_scope_close).
# ---------------------------------------------------------------------
        .globl qn_scope_open
qn_scope_open:
        subq    $8, %rsp                # keep the stack 16-byte aligned
        movl    $SCOPE_BYTES, %edi
        movl    $SCOPE_INFO, %esi
        call    qn_alloc
        movq    $0, SCOPE_LIVE(%rax)
        movq    $0, SCOPE_WAITER(%rax)
        addq    $8, %rsp
        ret

# ---------------------------------------------------------------------
# qn_scope_close(scope): the end of a scope.
#   Arguments: rdi = the scope.   Result: none.
# Waits until every task spawned in the scope has finished (when they
# all have, it goes on without a switch), then frees the scope.
# ---------------------------------------------------------------------
        .globl qn_scope_close
qn_scope_close:
        pushq   %rbx                    # rbx = the scope (the stack is aligned)
        movq    %rdi, %rbx
        cmpq    $0, SCOPE_LIVE(%rbx)
        je      1f                      # all finished: no switch
        movq    qn_current(%rip), %rax
        movq    %rax, SCOPE_WAITER(%rbx)
        call    qn_block                # until the last one wakes us
1:      movq    %rbx, %rdi
        popq    %rbx
        jmp     qn_release              # tail call: free the scope

# ---------------------------------------------------------------------
# qn_spawn(scope, code, env): a new task that will run code(env).
#   Arguments: rdi = the scope it belongs to, rsi = code (the address of
#              a function of one argument), rdx = env (given to code,
#              which owns it: the caller's reference moves to the task).
#   Result:    none.
# The task goes to the back of the ready queue; the caller goes on.
# ---------------------------------------------------------------------
        .globl qn_spawn
qn_spawn:
        pushq   %rbx                    # rbx = scope
        pushq   %r12                    # r12 = code
        pushq   %r13                    # r13 = env
                                        # (3 pushes: stack is aligned)
        movq    %rdi, %rbx
        movq    %rsi, %r12
        movq    %rdx, %r13
        movl    $TASK_BYTES, %edi
        movl    $TASK_INFO, %esi
        call    qn_alloc
        movq    %r12, TASK_CODE(%rax)
        movq    %r13, TASK_ENV(%rax)
        movq    %rbx, TASK_SCOPE(%rax)
        xorl    %ecx, %ecx
        movq    %rcx, TASK_SP(%rax)     # not started: no stack yet
        movq    %rcx, TASK_STACK(%rax)
        movq    %rcx, TASK_VALUE(%rax)
        movq    %rcx, TASK_FLAG(%rax)
        incq    SCOPE_LIVE(%rbx)
        movq    %rax, %rsi
        call    qn_wake
        popq    %r13
        popq    %r12
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_yield(): the current task goes to the back of the ready queue and
# the first one runs. When no other task is ready, it just goes on.
#   Arguments: none.   Result: none.
# ---------------------------------------------------------------------
        .globl qn_yield
qn_yield:
        cmpq    $0, qn_ready(%rip)
        je      1f                      # nobody else is ready: go on
        movq    qn_current(%rip), %rsi
        call    qn_wake                 # at the back
        jmp     qn_block                # a tail call: it returns to our caller
1:      ret

# ---------------------------------------------------------------------
# qn_channel(cap, info) -> channel: a new channel, empty and open.
#   Arguments: rdi = its capacity (0: a rendezvous), rsi = info (4, plus
#              bit 8 when the values it carries are references).
#   Result:    rax = the channel (rc = 1): a heap object of kind 4, freed
#              by qn_release like any other, which releases the values
#              still in it.
# A negative capacity panics "bad channel capacity"; one whose size does
# not fit in memory panics "out of memory".
# ---------------------------------------------------------------------
        .globl qn_channel
qn_channel:
        pushq   %rbx                    # rbx = cap (the stack is aligned)
        testq   %rdi, %rdi
        js      qn_bad_capacity
        movabsq $QN_MAX_CAPACITY, %rax
        cmpq    %rax, %rdi
        ja      qn_out_of_memory
        movq    %rdi, %rbx
        leaq    CHAN_RING(,%rdi,8), %rdi  # qn_alloc(80 + 8*cap, info)
        call    qn_alloc
        movq    %rbx, CHAN_CAP(%rax)
        xorl    %ecx, %ecx
        movq    %rcx, CHAN_COUNT(%rax)
        movq    %rcx, CHAN_HEAD(%rax)
        movq    %rcx, CHAN_CLOSED(%rax)
        movq    %rcx, CHAN_RECEIVERS(%rax)
        movq    %rcx, CHAN_RECEIVERS+8(%rax)
        movq    %rcx, CHAN_SENDERS(%rax)
        movq    %rcx, CHAN_SENDERS+8(%rax)
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_send(ch, v): send v on a channel.
#   Arguments: rdi = the channel (borrowed), rsi = the value (a
#              reference moves to the channel, then to its receiver).
#   Result:    none.
# qn_try_send(ch, v) -> sent: the same, but it never blocks.
#   Arguments: as qn_send's (a reference not sent is released).
#   Result:    rax = 1 when v was sent, 0 when not.
# A receiver waiting: it gets v and is woken; we go on. Room in the
# buffer: v goes in at the back; we go on. Otherwise qn_send blocks among
# the senders with v, until a receiver takes it (or close wakes us: then
# we panic); qn_try_send drops v (releases it when the channel's info has
# bit 8 set) and gives 0, without a switch. A closed channel panics "send
# on closed channel", for both.
# ---------------------------------------------------------------------
        .globl qn_try_send
qn_try_send:
        movl    $1, %edx                # rdx = 1: a try, 0: a send
        jmp     .Lsend
        .globl qn_send
qn_send:
        xorl    %edx, %edx
.Lsend:
        pushq   %rbx                    # rbx = the channel (the stack is aligned)
        movq    %rdi, %rbx
        cmpq    $0, CHAN_CLOSED(%rbx)
        jne     qn_send_closed
        leaq    CHAN_RECEIVERS(%rbx), %rdi
        call    qn_queue_pop            # rax = a waiting receiver?
        testq   %rax, %rax
        jz      .Lsend_buffer
        movq    %rsi, TASK_VALUE(%rax)  # yes: v is its
        movq    $1, TASK_FLAG(%rax)
        movq    %rax, %rsi
        call    qn_wake
        jmp     .Lsend_sent
.Lsend_buffer:
        movq    CHAN_COUNT(%rbx), %rcx
        cmpq    CHAN_CAP(%rbx), %rcx
        jae     .Lsend_full             # full (or capacity 0)
        movq    CHAN_HEAD(%rbx), %rax
        addq    %rcx, %rax              # rax = (head + count) mod cap
        cmpq    CHAN_CAP(%rbx), %rax
        jb      1f
        subq    CHAN_CAP(%rbx), %rax
1:      movq    %rsi, CHAN_RING(%rbx,%rax,8)
        incq    CHAN_COUNT(%rbx)
.Lsend_sent:
        movl    $1, %eax                # (qn_try_send's result)
        popq    %rbx
        ret
.Lsend_full:
        testq   %rdx, %rdx
        jz      .Lsend_block
        btq     $8, 8(%rbx)             # a try: 0, and v is dropped
        jnc     1f                      # a plain value
        movq    %rsi, %rdi              # a reference: release it
        call    qn_release
1:      xorl    %eax, %eax
        jmp     .Lsend_done
.Lsend_block:
        movq    qn_current(%rip), %rax
        movq    %rsi, TASK_VALUE(%rax)  # v waits with us
        movq    %rax, %rsi
        leaq    CHAN_SENDERS(%rbx), %rdi
        call    qn_queue_push
        call    qn_block
        movq    qn_current(%rip), %rax
        cmpq    $0, TASK_FLAG(%rax)
        je      qn_send_closed          # close woke us
.Lsend_done:
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_recv(ch) -> (value, found): receive from a channel.
#   Arguments: rdi = the channel (borrowed).
#   Result:    rax = the value (a reference is the caller's), rdx = 1;
#              or rax = 0, rdx = 0 when the channel is closed and empty.
# Values in the buffer: we take the oldest, and the first blocked sender
# (if any) puts its value in at the back and is woken. No values but a
# blocked sender (capacity 0): we take its value and wake it. Closed:
# (0, 0). Otherwise we wait among the receivers until a sender hands us
# a value, or close wakes us with none.
# ---------------------------------------------------------------------
        .globl qn_recv
qn_recv:
        pushq   %rbx                    # rbx = the channel (the stack is aligned)
        movq    %rdi, %rbx
        cmpq    $0, CHAN_COUNT(%rbx)
        je      .Lrecv_direct
        movq    CHAN_HEAD(%rbx), %rax
        movq    CHAN_RING(%rbx,%rax,8), %r8   # r8 = the oldest value
        incq    %rax
        cmpq    CHAN_CAP(%rbx), %rax
        jb      1f
        xorl    %eax, %eax              # the ring goes round
1:      movq    %rax, CHAN_HEAD(%rbx)
        decq    CHAN_COUNT(%rbx)
        leaq    CHAN_SENDERS(%rbx), %rdi
        call    qn_queue_pop            # rax = a blocked sender?
        testq   %rax, %rax
        jz      .Lrecv_found
        movq    TASK_VALUE(%rax), %rsi  # yes: its value goes in at the back
        movq    CHAN_HEAD(%rbx), %rcx
        addq    CHAN_COUNT(%rbx), %rcx
        cmpq    CHAN_CAP(%rbx), %rcx
        jb      2f
        subq    CHAN_CAP(%rbx), %rcx
2:      movq    %rsi, CHAN_RING(%rbx,%rcx,8)
        incq    CHAN_COUNT(%rbx)
        jmp     .Lrecv_wake
.Lrecv_direct:
        leaq    CHAN_SENDERS(%rbx), %rdi
        call    qn_queue_pop            # a blocked sender (capacity 0)?
        testq   %rax, %rax
        jz      .Lrecv_wait
        movq    TASK_VALUE(%rax), %r8   # yes: its value is ours
.Lrecv_wake:
        movq    $1, TASK_FLAG(%rax)     # the sender goes on
        movq    %rax, %rsi
        call    qn_wake
.Lrecv_found:
        movq    %r8, %rax
        movl    $1, %edx
        popq    %rbx
        ret
.Lrecv_wait:
        xorl    %eax, %eax              # closed: (0, 0), None
        xorl    %edx, %edx
        cmpq    $0, CHAN_CLOSED(%rbx)
        jne     .Lrecv_done
        movq    qn_current(%rip), %rsi
        leaq    CHAN_RECEIVERS(%rbx), %rdi
        call    qn_queue_push
        call    qn_block                # until a sender or close wakes us
        movq    qn_current(%rip), %rcx
        movq    TASK_VALUE(%rcx), %rax
        movq    TASK_FLAG(%rcx), %rdx
.Lrecv_done:
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# qn_close(ch): close a channel.
#   Arguments: rdi = the channel (borrowed).   Result: none.
# Every waiting receiver is woken with None, every blocked sender is
# woken to panic "send on closed channel" when it runs; the values in
# the buffer can still be received. Closing a closed channel does
# nothing. Never switches.
# ---------------------------------------------------------------------
        .globl qn_close
qn_close:
        pushq   %rbx                    # rbx = the channel (the stack is aligned)
        movq    %rdi, %rbx
        movq    $1, CHAN_CLOSED(%rbx)
.Lclose_receivers:
        leaq    CHAN_RECEIVERS(%rbx), %rdi
        call    qn_queue_pop
        testq   %rax, %rax
        jz      .Lclose_senders
        movq    $0, TASK_VALUE(%rax)    # None
        movq    $0, TASK_FLAG(%rax)
        movq    %rax, %rsi
        call    qn_wake
        jmp     .Lclose_receivers
.Lclose_senders:
        leaq    CHAN_SENDERS(%rbx), %rdi
        call    qn_queue_pop
        testq   %rax, %rax
        jz      .Lclose_done
        movq    $0, TASK_FLAG(%rax)     # it panics when it runs
        movq    %rax, %rsi
        call    qn_wake
        jmp     .Lclose_senders
.Lclose_done:
        popq    %rbx
        ret

# ---------------------------------------------------------------------
# The panics of tasks and channels. Jumped to with rsp 16-byte aligned.
# ---------------------------------------------------------------------
qn_deadlock:
        leaq    qn_msg_deadlock(%rip), %rdi
        movl    $8, %esi
        call    qn_panic                # does not return
qn_send_closed:
        leaq    qn_msg_send_closed(%rip), %rdi
        movl    $22, %esi
        call    qn_panic                # does not return
qn_bad_capacity:
        leaq    qn_msg_capacity(%rip), %rdi
        movl    $20, %esi
        call    qn_panic                # does not return

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
