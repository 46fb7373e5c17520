#!/usr/bin/env bash
# Soak: mixed load (SoakLoad.java) against the hello-servlet sample under Netty's paranoid leak detection, then
# checks that the server logged no leak report and that its live heap after a full GC did not grow.
#   benchmarks/soak/soak.sh                 # 10 minutes of load after a 60 s warm-up
#   SHORT=1 benchmarks/soak/soak.sh         # 60 s of load after a 20 s warm-up
#   DURATION=300 THREADS=8 benchmarks/soak/soak.sh
# Environment: DURATION (s, default 600), WARMUP (s, 60), THREADS (8), PORT (28080), JAVA (java on PATH),
# HEAP (-Xms256m -Xmx256m), HEAP_TOLERANCE_KIB (4096), OUT (benchmarks/results/soak-<timestamp>).
# Needs the sample built: ./mvnw -q -DskipTests package. Exit status 0 when every check passed.
set -euo pipefail

cd "$(dirname "$0")/../.."
if [[ "${SHORT:-0}" == 1 ]]; then
  DURATION=${DURATION:-60}; WARMUP=${WARMUP:-20}
fi
DURATION=${DURATION:-600}
WARMUP=${WARMUP:-60}
THREADS=${THREADS:-8}
PORT=${PORT:-28080}
JAVA=${JAVA:-java}
HEAP=${HEAP:--Xms256m -Xmx256m}
HEAP_TOLERANCE_KIB=${HEAP_TOLERANCE_KIB:-4096}
JAR=samples/hello-servlet/target/hello-servlet.jar
OUT=${OUT:-benchmarks/results/soak-$(date +%Y%m%d-%H%M%S)}
JAVA_BIN=$(dirname "$(readlink -f "$(command -v "$JAVA")")")
JCMD="$JAVA_BIN/jcmd"

[[ -f "$JAR" ]] || { echo "missing $JAR: run ./mvnw -q -DskipTests package first" >&2; exit 2; }
[[ -x "$JCMD" ]] || { echo "no jcmd next to $JAVA" >&2; exit 2; }
mkdir -p "$OUT"
LOG="$OUT/server.log"

# shellcheck disable=SC2086
"$JAVA" $HEAP -Dio.netty.leakDetection.level=paranoid -Dio.netty.leakDetection.targetRecords=8 \
  -jar "$JAR" --port "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/plaintext" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server died:"; cat "$LOG"; exit 2; }
  sleep 0.2
done

# Live heap in KiB: the total of a class histogram, taken in one safepoint right after a full GC (GC.heap_info's
# "used" after GC.run would also count what the load allocates between the two jcmd calls).
live_heap() {
  "$JCMD" $SERVER GC.class_histogram | awk '$1 == "Total" { printf "%d\n", $3 / 1024 }'
}
rss_kib() { awk '/VmRSS/ { print $2 }' "/proc/$SERVER/status"; }
# Leak reports surface when a leaked buffer has been collected and a later allocation checks the queue.
poke() { for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$PORT/json" >/dev/null; done; }
# Instances of the engine's connection classes (the registry and settings are one each while the server runs).
pronto_objects() {
  "$JCMD" $SERVER GC.class_histogram | awk '$4 ~ /^dev\.pronto\.container\.connection\./ { sub(".*\\.", "", $4); printf "%s=%s ", $4, $2 }'
}
# Stops with the server's exit status if it died.
check_alive() {
  if ! kill -0 $SERVER 2>/dev/null; then
    set +e; wait $SERVER; echo "FAIL: the server died (exit status $?) $1; see $LOG"; exit 1
  fi
}

echo "soak: warm-up ${WARMUP}s, load ${DURATION}s, ${THREADS} threads, server pid $SERVER, output in $OUT"
"$JAVA" benchmarks/soak/SoakLoad.java 127.0.0.1 "$PORT" "$WARMUP" "$THREADS" >"$OUT/warmup.txt" || true
check_alive "during the warm-up"
BASE=$(live_heap)
echo "baseline live heap after warm-up: ${BASE} KiB; RSS $(rss_kib) KiB" | tee "$OUT/heap.txt"

( while sleep 60; do
    kill -0 $SERVER 2>/dev/null || exit 0
    echo "$(date +%T) live heap under load: $(live_heap) KiB; RSS $(rss_kib) KiB"
  done ) >>"$OUT/heap.txt" &
SAMPLER=$!
set +e
"$JAVA" benchmarks/soak/SoakLoad.java 127.0.0.1 "$PORT" "$DURATION" "$THREADS" | tee "$OUT/load.txt"
LOAD_STATUS=${PIPESTATUS[0]}
set -e
kill $SAMPLER 2>/dev/null || true
wait $SAMPLER 2>/dev/null || true

check_alive "under the load"
poke; sleep 2
END=$(live_heap)
poke; sleep 1; live_heap >/dev/null; poke
OBJECTS=$(pronto_objects)
echo "live heap after the load: ${END} KiB; RSS $(rss_kib) KiB; engine connection objects alive: ${OBJECTS}" | tee -a "$OUT/heap.txt"
LEAKS=$(grep -c "LEAK:" "$LOG" || true)
ERRORS=$(grep -cE "^\[[^]]*\] (ERROR|WARN)" "$LOG" || true)
GROWTH=$(( END - BASE ))

{
  echo "## Soak $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- command: DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS benchmarks/soak/soak.sh ($("$JAVA" -version 2>&1 | head -1))"
  echo "- load: $(tail -n 8 "$OUT/load.txt" | grep -m1 'done:' | sed 's/\[soak\] done: //')"
  echo "- leak reports in the server log: $LEAKS; ERROR/WARN lines: $ERRORS"
  echo "- live heap after full GC: ${BASE} KiB after warm-up, ${END} KiB after the load (growth ${GROWTH} KiB, tolerance ${HEAP_TOLERANCE_KIB} KiB)"
  echo "- engine connection objects alive after the load: ${OBJECTS}"
} | tee "$OUT/summary.md"

STATUS=0
[[ "$LOAD_STATUS" == 0 ]] || { echo "FAIL: unexpected responses (see $OUT/load.txt)"; STATUS=1; }
[[ "$LEAKS" == 0 ]] || { echo "FAIL: $LEAKS leak reports in $LOG"; STATUS=1; }
(( GROWTH <= HEAP_TOLERANCE_KIB )) || { echo "FAIL: live heap grew by $GROWTH KiB"; STATUS=1; }
[[ $STATUS == 0 ]] && echo "PASS"
exit $STATUS
