#!/usr/bin/env bash
# Makes sure the system tools the tests use are here: the x86-64 and AArch64
# assemblers and linkers, qemu-aarch64 to run AArch64 binaries, tmux (the
# explorer's terminal test), strace (the runtime's buffering checks) and GNU
# time (the peak memory in `npm run bench`).
# Installs what is missing with apt-get when run as root; otherwise says what
# to install and fails. Never skips: a test without its tool is no test.
set -u
need=()
command -v as >/dev/null || need+=(binutils)
command -v aarch64-linux-gnu-as >/dev/null || need+=(binutils-aarch64-linux-gnu)
command -v qemu-aarch64 >/dev/null || need+=(qemu-user)
command -v tmux >/dev/null || need+=(tmux)
command -v strace >/dev/null || need+=(strace)
[ -x /usr/bin/time ] || need+=(time)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "qnano's tests need: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing ${need[*]} (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { apt-get update -qq && apt-get install -y -qq "${need[@]}"; } >"$log" 2>&1; then
  tail -20 "$log" >&2
  echo "could not install ${need[*]}" >&2
  exit 1
fi
rm -f "$log"
