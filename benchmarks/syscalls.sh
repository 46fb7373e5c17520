#!/usr/bin/env bash
# System calls per request of one server on one transport (strace -c -f), pipelined ×16, one event loop.
# Counts do not depend on how busy the machine is (throughput under strace means nothing).
#
#   benchmarks/syscalls.sh epoll [port] ; benchmarks/syscalls.sh io_uring [port]
#   SERVER=pronto-worker benchmarks/syscalls.sh io_uring      # hello-core (default), pronto-worker, pronto-inline
#
# Needs strace and wrk (Debian packages) and the sample's jar (samples/hello-core or samples/hello-servlet).
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:?transport: epoll, io_uring or nio}
PORT=${2:-18920}
OUT=${OUT:-/tmp}
SERVER=${SERVER:-hello-core}
case "$SERVER" in
  hello-core) JAR=samples/hello-core/target/hello-core.jar; ARGS=() ;;
  pronto-worker) JAR=samples/hello-servlet/target/hello-servlet.jar; ARGS=() ;;
  pronto-inline) JAR=samples/hello-servlet/target/hello-servlet.jar; ARGS=(--inline) ;;
  *) echo "SERVER: hello-core, pronto-worker or pronto-inline" >&2; exit 2 ;;
esac
java -Xms256m -Xmx256m -jar "$JAR" "${ARGS[@]}" --port "$PORT" --threads 1 --transport "$T" \
  > "$OUT/syscalls-server-$T.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 60); do # up to 30 s to start
  curl -fso /dev/null "http://127.0.0.1:$PORT/plaintext" && break
  sleep 0.5
done
wrk -t1 -c64 -d3s -s benchmarks/pipeline.lua "http://127.0.0.1:$PORT/plaintext" -- 16 > /dev/null # JIT warm-up
strace -c -f -p "$PID" -o "$OUT/syscalls-$T.txt" &
SPID=$!
sleep 1
wrk -t1 -c64 -d5s -s benchmarks/pipeline.lua "http://127.0.0.1:$PORT/plaintext" -- 16 > "$OUT/syscalls-wrk-$T.txt"
kill -INT $SPID
wait $SPID 2>/dev/null || true
REQUESTS=$(awk '/requests in/ {print $1}' "$OUT/syscalls-wrk-$T.txt")
TOTAL=$(awk '$NF == "total" {print $(NF-2)}' "$OUT/syscalls-$T.txt")
echo "$SERVER $T: $REQUESTS requests, $TOTAL system calls, $(awk -v t="$TOTAL" -v r="$REQUESTS" 'BEGIN {printf "%.3f", t / r}') per request"
grep -E 'writev|write |recvfrom|io_uring_enter|epoll_pwait|futex|eventfd' "$OUT/syscalls-$T.txt" || true
