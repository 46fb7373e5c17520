#!/usr/bin/env bash
# System calls per request of hello-core on one transport (strace -c -f), pipelined ×16, one event loop.
# Counts do not depend on how busy the machine is (throughput under strace means nothing).
#
#   benchmarks/syscalls.sh epoll [port] ; benchmarks/syscalls.sh io_uring [port]
#
# Needs strace and wrk (Debian packages) and samples/hello-core/target/hello-core.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:?transport: epoll, io_uring or nio}
PORT=${2:-18920}
OUT=${OUT:-/tmp}
java -Xms256m -Xmx256m -jar samples/hello-core/target/hello-core.jar --port "$PORT" --threads 1 --transport "$T" \
  > "$OUT/syscalls-server-$T.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
sleep 4
wrk -t1 -c64 -d3s -s benchmarks/pipeline.lua "http://127.0.0.1:$PORT/plaintext" -- 16 > /dev/null # JIT warm-up
strace -c -f -p "$PID" -o "$OUT/syscalls-$T.txt" &
SPID=$!
sleep 1
wrk -t1 -c64 -d5s -s benchmarks/pipeline.lua "http://127.0.0.1:$PORT/plaintext" -- 16 > "$OUT/syscalls-wrk-$T.txt"
kill -INT $SPID
wait $SPID 2>/dev/null || true
REQUESTS=$(awk '/requests in/ {print $1}' "$OUT/syscalls-wrk-$T.txt")
TOTAL=$(awk '$NF == "total" {print $(NF-2)}' "$OUT/syscalls-$T.txt")
echo "$T: $REQUESTS requests, $TOTAL system calls, $(awk -v t="$TOTAL" -v r="$REQUESTS" 'BEGIN {printf "%.3f", t / r}') per request"
grep -E 'writev|recvfrom|io_uring_enter|epoll_pwait' "$OUT/syscalls-$T.txt" || true
