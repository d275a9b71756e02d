#!/usr/bin/env bash
# Smoke tests for the qnano runtime (runtime-asm/<target>/runtime.s).
#
# For each target (x86_64 natively, aarch64 under qemu-aarch64) this
# assembles the runtime plus a hand-written qn_main (main_<target>.s),
# links a static binary, runs it in several modes (the first stdin line
# picks the mode, see main_x86_64.s) and checks the exact stdout,
# stderr and exit status. Then it checks cli/toolchain.ts the same way
# through toolchain-check.mjs.
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

# check NAME INPUT WANT_STDOUT WANT_STDERR WANT_STATUS
# INPUT and the wanted texts are printf %b strings ('\n' = newline).
check() {
    local name=$1 want_status=$5
    printf '%b' "$2" >"$TMP/in"
    printf '%b' "$3" >"$TMP/want_out"
    printf '%b' "$4" >"$TMP/want_err"
    "${RUN[@]}" "$BIN" <"$TMP/in" >"$TMP/out" 2>"$TMP/err"
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

# "1\n2\n...99999\n" as a printf %b string (mode 5 prints 0..99999).
LINES_100K=$(seq 1 99999 | tr '\n' ' ' | sed 's/ /\\n/g')

for TARGET in x86_64 aarch64; do
    if [[ $TARGET == x86_64 ]]; then
        AS=as; LD=ld; RUN=()
    else
        AS=aarch64-linux-gnu-as; LD=aarch64-linux-gnu-ld; RUN=(qemu-aarch64)
    fi
    BIN="$TMP/smoke-$TARGET"
    if ! $AS -o "$TMP/rt.o" "$ROOT/runtime-asm/$TARGET/runtime.s" ||
       ! $AS -o "$TMP/main.o" "$HERE/main_$TARGET.s" ||
       ! $LD -static -o "$BIN" "$TMP/rt.o" "$TMP/main.o"; then
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

    echo "[$TARGET] $((PASS - start_pass)) passed, $((FAIL - start_fail)) failed"
done

# cli/toolchain.ts, as compiled by `npm test` into dist/.
TARGET=toolchain
# Its own temporary folder: it checks that builds leave none behind, which
# other qnano processes running at the same time must not confuse.
mkdir -p "$TMP/tmp"
if TMPDIR="$TMP/tmp" node "$HERE/toolchain-check.mjs" "$ROOT/dist/cli/toolchain.js"; then ok; else bad "toolchain-check.mjs"; fi

echo "runtime smoke tests: $PASS passed, $FAIL failed"
[[ $FAIL -eq 0 ]]
