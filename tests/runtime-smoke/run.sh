#!/usr/bin/env bash
# Smoke tests for the qnano runtime (runtime-asm/<target>/runtime.s).
#
# For each target (x86_64 natively, aarch64 under qemu-aarch64) this
# assembles the runtime plus a hand-written qn_main (main_<target>.s),
# links a static binary, runs it in several modes (the first stdin line
# picks the mode, see main_x86_64.s) and checks the exact stdout,
# stderr and exit status. It does the same with heap_<target>.s, which
# tests the heap routines and the leak check (spec/heap.md). Then it
# checks driver/toolchain.ts the same way through toolchain-check.mjs.
#
# Usage: tests/runtime-smoke/run.sh        (exit status 0 = all passed)

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/qnano-smoke.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

PASS=0
FAIL=0
ok()  { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL [$TARGET] $*"; }

# check NAME INPUT WANT_STDOUT WANT_STDERR WANT_STATUS [ENV [ARG...]]
# INPUT and the wanted texts are printf %b strings ('\n' = newline).
# The program runs without QNANO_LEAK_CHECK, then with ENV: `env`
# options and NAME=value words, split at spaces (e.g. QNANO_LEAK_CHECK=1),
# and with the ARGs as its arguments.
check() {
    local name=$1 want_status=$5 envs=${6:-}
    local args=("${@:7}")
    printf '%b' "$2" >"$TMP/in"
    printf '%b' "$3" >"$TMP/want_out"
    printf '%b' "$4" >"$TMP/want_err"
    # shellcheck disable=SC2086 # $envs is split on purpose
    env -u QNANO_LEAK_CHECK $envs "${RUN[@]}" "$BIN" "${args[@]}" <"$TMP/in" >"$TMP/out" 2>"$TMP/err"
    local status=$?
    if [[ $status -ne $want_status ]]; then
        bad "$name: status $status, wanted $want_status"
    elif ! cmp -s "$TMP/out" "$TMP/want_out"; then
        bad "$name: stdout differs"; diff "$TMP/want_out" "$TMP/out" | head -5
    elif ! cmp -s "$TMP/err" "$TMP/want_err"; then
        bad "$name: stderr differs"; diff "$TMP/want_err" "$TMP/err" | head -5
    else
        ok
    fi
}

# check_status NAME INPUT WANT_STATUS: only the exit status (a crash's
# message differs between the kernel and qemu).
check_status() {
    printf '%b' "$2" >"$TMP/in"
    local status
    # (the outer 2>/dev/null keeps bash from announcing the crash)
    { env -u QNANO_LEAK_CHECK "${RUN[@]}" "$BIN" <"$TMP/in" >/dev/null 2>&1; status=$?; } 2>/dev/null
    if [[ $status -ne $3 ]]; then bad "$1: status $status, wanted $3"; else ok; fi
}

# count_syscalls NAME FD INPUT -> number of NAME(FD, ...) system calls
# (qemu's own reads of other files are not counted). strace is installed by
# scripts/install-tools.sh; without it the count is "?" and the check fails.
count_syscalls() {
    printf '%b' "$3" >"$TMP/in"
    rm -f "$TMP/strace"
    strace -f -qq --seccomp-bpf -e trace="$1" -o "$TMP/strace" "${RUN[@]}" "$BIN" <"$TMP/in" >/dev/null 2>&1
    if [[ -s "$TMP/strace" ]]; then
        grep -c "$1($2," "$TMP/strace"
    else
        echo "?"
    fi
}

# guest_mmaps INPUT -> "M U": how many mmap and munmap calls the program
# itself makes (strace natively; under qemu, its -strace option, which
# shows the guest's calls and not qemu's own).
guest_mmaps() {
    printf '%b' "$1" >"$TMP/in"
    rm -f "$TMP/strace"
    if [[ ${#RUN[@]} -eq 0 ]]; then
        strace -qq -e trace=mmap,munmap -o "$TMP/strace" "$BIN" <"$TMP/in" >/dev/null 2>&1
    else
        "${RUN[@]}" -strace "$BIN" <"$TMP/in" >/dev/null 2>"$TMP/strace"
    fi
    if [[ -s "$TMP/strace" ]]; then
        echo "$(grep -cE '(^| )mmap\(' "$TMP/strace") $(grep -cE '(^| )munmap\(' "$TMP/strace")"
    else
        echo "? ?"
    fi
}

# "1\n2\n...99999\n" as a printf %b string (mode 5 prints 0..99999).
LINES_100K=$(seq 1 99999 | tr '\n' ' ' | sed 's/ /\\n/g')

# The runtime keeps up to BIG_CACHE freed big mappings for reuse
# (QN_BIG_CACHE in runtime.s).
BIG_CACHE=4
# Heap mode 1 makes 3 rounds of 3000 strings of 24 + (37i + 101r) % 2100
# bytes: those above 1024 bytes (LARGE_1 in all) take one page each.
# Each round frees them all, the last BIG_CACHE freed stay cached and
# the others are unmapped; the next round takes those BIG_CACHE and maps
# the rest. So: one chunk and LARGE_1 - 2*BIG_CACHE pages mapped,
# LARGE_1 - 3*BIG_CACHE unmapped (BIG_CACHE are still cached at exit).
LARGE_1=0
for r in 0 1 2; do
    for ((i = 0; i < 3000; i++)); do
        (( 24 + (37 * i + 101 * r) % 2100 > 1024 )) && LARGE_1=$((LARGE_1 + 1))
    done
done
# Heap mode 6 prints 10 digits doubled 14 times.
DIGITS_16K=$(printf '0123456789%.0s' $(seq 16384))
LEAK0='leak check: 0 objects, 0 bytes live\n'

QEMU=$(command -v qemu-aarch64)
# BIG_ENV LIMIT BYTES PROGRAM...: runs PROGRAM with a stack limit of LIMIT
# KiB, no address randomization (so the same BYTES always fill the stack
# alike) and nothing in its environment but BYTES bytes of variables.
BIG_ENV=(setarch -R bash -c '
    lim=$1 n=$2; shift 2
    for v in $(compgen -e); do unset "$v" 2>/dev/null; done
    i=0
    while ((n > 0)); do c=$((n > 100000 ? 100000 : n)); export "V$i=$(printf "%${c}s" "")"; n=$((n - c)); i=$((i + 1)); done
    ulimit -s "$lim" && exec "$@"' big-env)

for TARGET in x86_64 aarch64; do
    # STACK_LIMIT N runs a program with a stack of N KiB (or unlimited):
    # `ulimit -s`; under qemu, whose guest stack is a mapping of its own,
    # also `-s` for that mapping (qemu makes it at least 128 KiB), since the
    # guest's prlimit64 reports the host's limit (spec/calls.md).
    # SMALL_STACK runs it with 256 KiB; LOW_MEMORY with little address
    # space (qemu itself needs some hundred MiB of it).
    if [[ $TARGET == x86_64 ]]; then
        AS=as; LD=ld; RUN=()
        STACK_LIMIT=(bash -c 'ulimit -s "$1" && shift && exec "$@"' stack-limit)
        LOW_MEMORY=(bash -c 'ulimit -v 262144 && exec "$@"' low-memory)
        # Heap mode 20 under LOW_MEMORY: 4 cached arrays of 2.5M, 5M,
        # 7.5M and 10M elements (200 MB) and then one of 15M (120 MB)
        # only fit when the cache is given back.
        CACHED_L=2500000 CACHED_M=15000000
    else
        AS=aarch64-linux-gnu-as; LD=aarch64-linux-gnu-ld; RUN=(qemu-aarch64)
        STACK_LIMIT=(bash -c 'ulimit -s "$1" || exit
            if [[ $1 == unlimited ]]; then s=(); else s=(-s $(($1 * 1024))); fi
            shift && exec qemu-aarch64 "${s[@]}" "$@"' stack-limit)
        LOW_MEMORY=(bash -c 'ulimit -v 1048576 && exec "$@"' low-memory qemu-aarch64)
        # qemu leaves about 800 MB to the program: 560 MB cached, then 400 MB.
        CACHED_L=7000000 CACHED_M=50000000
    fi
    SMALL_STACK=("${STACK_LIMIT[@]}" 256)
    BIN="$TMP/smoke-$TARGET"
    HEAP_BIN="$TMP/heap-$TARGET"
    if ! $AS -o "$TMP/rt.o" "$ROOT/runtime-asm/$TARGET/runtime.s" ||
       ! $AS -o "$TMP/main.o" "$HERE/main_$TARGET.s" ||
       ! $LD -static -o "$BIN" "$TMP/rt.o" "$TMP/main.o" ||
       ! $AS -o "$TMP/heap.o" "$HERE/heap_$TARGET.s" ||
       ! $LD -static -o "$HEAP_BIN" "$TMP/rt.o" "$TMP/heap.o"; then
        bad "build failed"; continue
    fi
    start_pass=$PASS start_fail=$FAIL

    # Mode 1: printing, reading (incl. INT64_MIN), qn_exit(3).
    check "print/read/exit" '1\n-17\n5\n' \
        '0\n1\n-1\n42\n-1234567890\n9223372036854775807\n-9223372036854775808\ntrue\nfalse\n-17\n5\n' \
        '' 3
    check "INT64_MIN and -1 read from stdin" '1\n-9223372036854775808\n-1\n' \
        '0\n1\n-1\n42\n-1234567890\n9223372036854775807\n-9223372036854775808\ntrue\nfalse\n-9223372036854775808\n-1\n' \
        '' 3

    # Mode 9: callee-saved registers and the stack pointer survive.
    check "callee-saved registers" '9\n77\n' '123\ntrue\n77\n1\n' '' 0

    # Mode 2 echoes ints until input ends (then: bad input panic, which
    # also shows that output printed before a panic is flushed).
    check "accepted formats" \
        '2\n0\n-0\n  42  \n\t-7\t\n5\r\n 6 \r\n-9223372036854775808\n9223372036854775807\n000000000000000000000000123\n' \
        '0\n0\n42\n-7\n5\n6\n-9223372036854775808\n9223372036854775807\n123\n' \
        'panic: bad input\n' 101
    check "last line without newline" '2\n12' '12\n' 'panic: bad input\n' 101
    check "last line ending in \\\\r" '2\n-13\r' '-13\n' 'panic: bad input\n' 101
    for input in '12x' '' '9223372036854775808' '-9223372036854775809' \
                 '99999999999999999999' '-' '+5' '1 2' '--5' '- 5' ' ' '5\r5' '0x10' '\r'; do
        check "bad input '$input'" "2\n1\n$input\n7\n" '1\n' 'panic: bad input\n' 101
    done
    check "bad input: end of input" '2\n' '' 'panic: bad input\n' 101
    check "bad input: no input at all" '' '' 'panic: bad input\n' 101

    # Modes 3, 4, 6: panics flush what was printed before.
    check "jump to qn_division_by_zero" '3\n' '7\n' 'panic: division by zero\n' 101
    check "branch to qn_division_by_zero" '4\n' '8\n' 'panic: division by zero\n' 101
    check "qn_panic" '6\n' '9\n' 'panic: boom\n' 101

    # Mode 5: 100000 print_int calls, then a normal return from qn_main.
    check "100000 print_int" '5\n' "0\n$LINES_100K" '' 0
    t0=$(date +%s%N)
    "${RUN[@]}" "$BIN" <<<5 >/dev/null
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    writes=$(count_syscalls write 1 '5\n')
    reads=$(count_syscalls read 0 "2\n$LINES_100K")
    echo "[$TARGET] 100000 print_int: ${ms} ms, ${writes} write(1) calls; 99999 read_int: ${reads} read(0) calls"
    if (( ms > 3000 )); then bad "100000 print_int took ${ms} ms"; else ok; fi
    if [[ $writes == "?" ]] || (( writes > 20 )); then bad "stdout is not buffered ($writes writes)"; else ok; fi
    if [[ $reads == "?" ]] || (( reads > 20 )); then bad "stdin is not buffered ($reads reads)"; else ok; fi
    check "echo 99999 lines" "2\n$LINES_100K" "$LINES_100K" 'panic: bad input\n' 101

    # A failing write (EPIPE with SIGPIPE ignored) exits with status 1.
    status=$( (trap '' PIPE; "${RUN[@]}" "$BIN" <<<5 | head -c 10 >/dev/null; echo "${PIPESTATUS[0]}") )
    if [[ $status == 1 ]]; then ok; else bad "write to a closed pipe: status $status, wanted 1"; fi

    # The leak check of a program that makes no objects.
    check "leak check, no heap" '9\n77\n' '123\ntrue\n77\n1\n' "$LEAK0" 0 QNANO_LEAK_CHECK=1

    # ----- The stack limit (spec/calls.md) -----
    # Mode 10 reads F and D, prints F, recurses D calls deep with frames of
    # F bytes (32 in all with the return address and saved frame pointer
    # when F is 16), checked against qn_stack_limit as compiled preludes
    # are, and prints D. Under every limit, from 64 KiB to unlimited (8 MiB
    # are used): a recursion over a third of the stack runs, an endless one
    # panics, and so does one whose 1 MiB frames go far past the stack's
    # end (the panic runs on the runtime's own stack).
    for limit in 64 128 256 1024 8192 unlimited; do
        RUN_SAVED=("${RUN[@]}"); RUN=("${STACK_LIMIT[@]}" "$limit")
        kib=${limit/unlimited/8192}
        check "stack limit $limit: $((kib * 10)) calls of 32 bytes" "10\n16\n$((kib * 10))\n" "16\n$((kib * 10))\n" '' 0
        check "stack limit $limit: endless recursion" '10\n16\n100000000\n' '16\n' 'panic: stack overflow\n' 101
        check "stack limit $limit: frames of 1 MiB" '10\n1048576\n100\n' '1048576\n' 'panic: stack overflow\n' 101
        RUN=("${RUN_SAVED[@]}")
    done
    # argv and envp are at the stack's top and count against the limit:
    # with 48000 bytes of environment in 64 KiB (x86-64), or 120000 in
    # 136 KiB (AArch64: qemu itself needs about 10 KiB of the host's
    # stack, and the host's environment is the guest's), what is left
    # still holds 100 calls, and an endless recursion still panics.
    if [[ $TARGET == x86_64 ]]; then
        FULL=(64 48000)
    else
        FULL=(136 120000 "$QEMU" -s 139264)
    fi
    RUN_SAVED=("${RUN[@]}"); RUN=("${BIG_ENV[@]}" "${FULL[@]}")
    check "stack nearly full of environment: 100 calls" '10\n16\n100\n' '16\n100\n' '' 0
    check "stack nearly full of environment: endless recursion" '10\n16\n100000000\n' '16\n' 'panic: stack overflow\n' 101
    # With 60000 bytes in 64 KiB the kernel still starts the program, but
    # no frame fits: _start panics before qn_main (under qemu, qemu itself
    # would run out of stack first).
    if [[ $TARGET == x86_64 ]]; then
        RUN=("${BIG_ENV[@]}" 64 60000)
        check "stack full of environment: panic at start" '10\n16\n1\n' '' 'panic: stack overflow\n' 101
    fi
    RUN=("${RUN_SAVED[@]}")

    # ----- The heap (heap_<target>.s; spec/heap.md) -----
    BIN=$HEAP_BIN
    L=QNANO_LEAK_CHECK=1
    check "heap: 9000 strings of 24..2123 bytes, freed and made again" '1\n' '0\n0\n' "$LEAK0" 0 $L
    mm=$(guest_mmaps '1\n')
    want="$((LARGE_1 + 1 - 2 * BIG_CACHE)) $((LARGE_1 - 3 * BIG_CACHE))"
    if [[ $mm == "$want" ]]; then ok
    else bad "heap mode 1: (mmap munmap) = ($mm), wanted ($want): one chunk, each big string mapped unless cached"; fi
    check "heap: freed blocks are reused" '2\n' '0\n0\n0\ntrue\ntrue\n' "$LEAK0" 0 $L
    mm=$(guest_mmaps '2\n')
    if [[ $mm == "1 0" ]]; then ok; else bad "heap mode 2: (mmap munmap) = ($mm), wanted (1 0): one chunk for 1 million objects"; fi
    check "heap: arrays of 2 million elements" '3\n' \
        '2000000\n14000000\n7\n0\n0\ntrue\n2000001\ntrue\n1\n0\n1\nhello, world\n' "$LEAK0" 0 $L
    mm=$(guest_mmaps '3\n')
    if [[ $mm == "2 0" ]]; then ok; else bad "heap mode 3: (mmap munmap) = ($mm), wanted (2 0): a chunk, one mapping for both arrays"; fi

    # The cache of freed big mappings (QN_BIG_CACHE = BIG_CACHE = 4).
    # 30 arrays of 2,000,001 elements (16 MB), each freed before the next
    # is made, as in bench/sieve.qs: one mmap, reused 29 times; the cached
    # mapping is not a live object for the leak check.
    check "heap: 30 arrays of 2000001 elements, made and freed" '18\n30\n2000001\n' '0\n30\n' "$LEAK0" 0 $L
    mm=$(guest_mmaps '18\n30\n2000001\n')
    if [[ $mm == "1 0" ]]; then ok; else bad "heap mode 18: (mmap munmap) = ($mm), wanted (1 0): mapped once, reused 29 times"; fi
    check "heap: 1000 arrays of 100 elements (824 bytes: small), made and freed" '18\n1000\n100\n' '0\n1000\n' "$LEAK0" 0 $L
    # Sizes of 1 to 10 pages: exact size matches, the oldest unmapped
    # when the cache is full, the newest of two taken: 8 mmaps, 4 munmaps.
    check "heap: big mappings of different sizes" '19\n' \
        'true\n-12\n0\n-12\ntrue\ntrue\n-12\ntrue\n0\n' "$LEAK0" 0 $L
    mm=$(guest_mmaps '19\n')
    if [[ $mm == "8 4" ]]; then ok; else bad "heap mode 19: (mmap munmap) = ($mm), wanted (8 4)"; fi
    # 4 arrays cached, then a fifth size: mapped; freed, it evicts the oldest.
    check "heap: 4 cached arrays, then another size" "20\n$CACHED_L\n$CACHED_M\n" "$CACHED_M\n7\n" "$LEAK0" 0 $L
    mm=$(guest_mmaps "20\n$CACHED_L\n$CACHED_M\n")
    if [[ $mm == "5 1" ]]; then ok; else bad "heap mode 20: (mmap munmap) = ($mm), wanted (5 1)"; fi
    # With little memory the fifth mmap fails: the cache is unmapped and
    # mmap tried again, so the cache never makes a program run out of memory.
    RUN_SAVED=("${RUN[@]}"); RUN=("${LOW_MEMORY[@]}")
    check "heap: a failing mmap gives the cache back" "20\n$CACHED_L\n$CACHED_M\n" "$CACHED_M\n7\n" "$LEAK0" 0 $L
    RUN=("${RUN_SAVED[@]}")
    check "heap: qn_release, fields masks, 48 fields, arrays, shared objects" '5\n' \
        '3\n1\n49\n1\n0\n5\n' "$LEAK0" 0 $L
    check "heap: strings" '6\n' \
        "hello, world\n\na\0b\n\ntrue\ntrue\nfalse\nfalse\nfalse\nfalse\ntrue\nfalse\n4611686018427387904\n1\n$DIGITS_16K\n163840\n" \
        "$LEAK0" 0 $L
    check "heap: callee-saved registers" '15\n' 'hello, world\n1\n' '' 0

    # A chain of a million objects freed from its head with a 256 KiB
    # stack; 100000 nested calls of 16 bytes do not fit in that stack.
    check "heap: 100000 nested calls, normal stack" '16\n100000\n' '100000\n' '' 0
    RUN_SAVED=("${RUN[@]}"); RUN=("${SMALL_STACK[@]}")
    check_status "heap: 100000 nested calls crash with a 256 KiB stack" '16\n100000\n' 139
    for n in 0 1 2 1000000; do
        check "heap: chain of $n, 256 KiB stack" "4\n$n\n" '4611686018427387904\n' "$LEAK0" 0 $L
    done
    RUN=("${RUN_SAVED[@]}")

    # Panics (a panic reports no leaks).
    check "heap: qn_panic_string, literal" '7\n' '5\n' 'panic: out of cheese\n' 101 $L
    check "heap: qn_panic_string, new string" '8\n' '' 'panic: hello, world\n' 101 $L
    check "heap: jump to qn_index_out_of_bounds" '9\n' '6\n' 'panic: index out of bounds\n' 101
    check "heap: qn_array(0)" '10\n0\n' '0\n' "$LEAK0" 0 $L
    check "heap: qn_array(5)" '10\n5\n' '5\n3\n' "$LEAK0" 0 $L
    for n in -1 -9223372036854775808; do
        check "heap: qn_array($n)" "10\n$n\n" '' 'panic: index out of bounds\n' 101 $L
    done
    # 2^44 and QN_MAX_LENGTH pass the size check and mmap fails; the
    # others are too long: 2^61 would wrap 24 + 8*length around to 24.
    for n in 17592186044416 35184372088829 35184372088830 2305843009213693952 9223372036854775807; do
        check "heap: qn_array($n)" "10\n$n\n" '' 'panic: out of memory\n' 101 $L
    done
    check "heap: qn_alloc(100)" '11\n100\n' '1\n' '' 0
    for n in 281474976710656 281474976710657 -1 -9223372036854775808; do
        check "heap: qn_alloc($n)" "11\n$n\n" '' 'panic: out of memory\n' 101
    done
    RUN_SAVED=("${RUN[@]}"); RUN=("${LOW_MEMORY[@]}")
    check "heap: small objects until mmap fails" '17\n100000000\n' '' 'panic: out of memory\n' 101
    RUN=("${RUN_SAVED[@]}")

    # The leak check.
    LEAK4='leak check: 4 objects, 140 bytes live\n'
    check "leak check: 4 live objects" '12\n' '12\n' "$LEAK4" 0 $L
    check "leak check: not set" '12\n' '12\n' '' 0
    check "leak check: set to empty" '12\n' '12\n' '' 0 QNANO_LEAK_CHECK=
    check "leak check: set to 0" '12\n' '12\n' "$LEAK4" 0 QNANO_LEAK_CHECK=0
    check "leak check: QNANO_LEAK_CHECKS=1" '12\n' '12\n' '' 0 QNANO_LEAK_CHECKS=1
    check "leak check: QNANO_LEAK_CHEC=1" '12\n' '12\n' '' 0 QNANO_LEAK_CHEC=1
    check "leak check: the only variable" '12\n' '12\n' "$LEAK4" 0 "-i $L"
    check "leak check: with arguments" '12\n' '12\n' "$LEAK4" 0 $L one two three
    check "leak check: 100000 objects" '17\n100000\n' '100000\n' \
        'leak check: 100000 objects, 3200000 bytes live\n' 0 $L
    check "leak check: none after qn_exit" '13\n' '12\n' '' 0 $L
    check "leak check: none after a panic" '14\n' '12\n' 'panic: boom\n' 101 $L

    echo "[$TARGET] $((PASS - start_pass)) passed, $((FAIL - start_fail)) failed"
done

# driver/toolchain.ts, as compiled by `npm test` into dist/.
TARGET=toolchain
# Its own temporary folder: it checks that builds leave none behind, which
# other qnano processes running at the same time must not confuse.
mkdir -p "$TMP/tmp"
if TMPDIR="$TMP/tmp" node "$HERE/toolchain-check.mjs" "$ROOT/dist/driver/toolchain.js"; then ok; else bad "toolchain-check.mjs"; fi

echo "runtime smoke tests: $PASS passed, $FAIL failed"
[[ $FAIL -eq 0 ]]
