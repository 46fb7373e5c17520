#!/usr/bin/env bash
# WebSocket side by side: the same endpoint classes (benchmarks/common .../peers/websocket: EchoEndpoint,
# BroadcastEndpoint) on Pronto (pronto-websocket, Tyrus), Tomcat (tomcat-embed-websocket) and Jetty 12 (ee11 Jakarta
# WebSocket). Each server is started fresh per scenario, pinned to SERVER_CPUS; the Netty load client
# (WebSocketLoad, one event loop) is pinned to CLIENT_CPUS. Prints a Markdown table: messages/s, messages per server
# CPU-second (utime+stime from /proc/PID/stat over the measured window), and the ratio to the best peer.
#
#   ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests     # builds benchmarks/target/peer-*.jar
#   benchmarks/ws-run.sh                        # both scenarios, all three servers, 15 s each after 5 s warm-up
#   QUICK=1 benchmarks/ws-run.sh                # 5 s runs after 2 s
#   SERVERS="pronto tomcat" SCENARIOS=echo benchmarks/ws-run.sh
#   JFR=1 SERVERS=pronto benchmarks/ws-run.sh   # also a JFR profile of each server run (results directory)
#
# Scenarios: echo = ECHO_CONNECTIONS connections, each keeping ECHO_IN_FLIGHT text messages of SIZE bytes in flight;
# broadcast = BROADCAST_SUBSCRIBERS subscribers and one publisher keeping BROADCAST_IN_FLIGHT messages undelivered,
# every message going to every subscriber (messages/s counts deliveries).
# Exit status: 0 when every run produced a result, 1 when one failed, 2 on bad usage or missing jars.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET="$ROOT/benchmarks/target"

QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then
  DURATION=${DURATION:-5}
  WARMUP=${WARMUP:-2}
fi
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
SERVERS=${SERVERS:-pronto tomcat jetty}
SCENARIOS=${SCENARIOS:-echo broadcast}
ECHO_CONNECTIONS=${ECHO_CONNECTIONS:-64}
ECHO_IN_FLIGHT=${ECHO_IN_FLIGHT:-16}
BROADCAST_SUBSCRIBERS=${BROADCAST_SUBSCRIBERS:-64}
BROADCAST_IN_FLIGHT=${BROADCAST_IN_FLIGHT:-32}
SIZE=${SIZE:-64}
JAVA=${JAVA:-java}
JVM_OPTS=${JVM_OPTS--Xms256m -Xmx256m}
CLIENT_JVM_OPTS=${CLIENT_JVM_OPTS--Xms256m -Xmx256m}
PORT=${PORT:-8090}
SERVER_CPUS=${SERVER_CPUS:-0}
CLIENT_CPUS=${CLIENT_CPUS:-1}
JFR=${JFR:-0}

declare -A JAR=([pronto]=peer-pronto-ws.jar [tomcat]=peer-tomcat.jar [jetty]=peer-jetty.jar)
CLIENT_JAR="$TARGET/peer-pronto-ws.jar"
CLIENT_MAIN=dev.pronto.benchmarks.peers.prontows.WebSocketLoad

log() { printf '[ws-run] %s\n' "$*" >&2; }
die() { printf '[ws-run] %s\n' "$*" >&2; exit 2; }

for s in $SERVERS; do
  [[ -v "JAR[$s]" ]] || die "unknown server '$s' (known: ${!JAR[*]})"
  [[ -f $TARGET/${JAR[$s]} ]] || die "missing $TARGET/${JAR[$s]}: ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests"
done
for s in $SCENARIOS; do
  [[ $s == echo || $s == broadcast ]] || die "unknown scenario '$s' (known: echo broadcast)"
done
[[ -f $CLIENT_JAR ]] || die "missing $CLIENT_JAR"
command -v taskset >/dev/null || die "missing taskset (util-linux)"

STAMP=$(date -u +%Y%m%d-%H%M%S)
RUN_DIR="$ROOT/benchmarks/results/ws-$STAMP"
mkdir -p "$RUN_DIR"
TSV="$RUN_DIR/results.tsv"
printf 'server\tscenario\tstatus\trate\tmessages\tseconds\tserver_cpu_s\tclient_cpu_s\n' >"$TSV"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

SERVER_PID=""
stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  kill "$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start_server() { # server scenario
  local jfr=()
  port_open && { log "port $PORT is taken; set PORT"; return 1; }
  ((JFR)) && jfr=("-XX:StartFlightRecording=filename=$RUN_DIR/$1-$2.jfr,settings=profile")
  # shellcheck disable=SC2086 # JVM_OPTS is a list of options
  taskset -c "$SERVER_CPUS" "$JAVA" $JVM_OPTS "${jfr[@]}" -jar "$TARGET/${JAR[$1]}" --port "$PORT" \
    >"$RUN_DIR/$1-$2.server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    port_open && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { log "$1 exited at start (see $RUN_DIR/$1-$2.server.log)"; return 1; }
    sleep 0.1
  done
  log "$1 did not open port $PORT in 30 s"
  return 1
}

run_client() { # scenario
  local connections in_flight
  if [[ $1 == echo ]]; then
    connections=$ECHO_CONNECTIONS in_flight=$ECHO_IN_FLIGHT
  else
    connections=$BROADCAST_SUBSCRIBERS in_flight=$BROADCAST_IN_FLIGHT
  fi
  # shellcheck disable=SC2086
  CLK_TCK=$(getconf CLK_TCK) taskset -c "$CLIENT_CPUS" "$JAVA" $CLIENT_JVM_OPTS -cp "$CLIENT_JAR" "$CLIENT_MAIN" "$1" \
    --port "$PORT" --connections "$connections" --in-flight "$in_flight" --size "$SIZE" \
    --warmup "$WARMUP" --duration "$DURATION" --server-pid "$SERVER_PID"
}

FAILED=0
for scenario in $SCENARIOS; do
  for server in $SERVERS; do
    log "$server / $scenario: ${WARMUP}s warm-up, ${DURATION}s measured (server on CPU $SERVER_CPUS, client on CPU $CLIENT_CPUS)"
    out="$RUN_DIR/$server-$scenario.client.log"
    if start_server "$server" "$scenario" && run_client "$scenario" >"$out" 2>&1 && grep -q '^RESULT ' "$out"; then
      # RESULT scenario=echo messages=N seconds=S rate=R server_cpu_s=C client_cpu_s=K
      awk -v server="$server" '/^RESULT / {
          for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
          printf "%s\t%s\tok\t%s\t%s\t%s\t%s\t%s\n", server, v["scenario"], v["rate"], v["messages"], v["seconds"],
            v["server_cpu_s"], v["client_cpu_s"] }' "$out" >>"$TSV"
      tail -n 1 "$out" >&2
    else
      FAILED=1
      log "FAILED: $server / $scenario (see $out and $RUN_DIR/$server-$scenario.server.log)"
      printf '%s\t%s\tFAILED\t0\t0\t0\t0\t0\n' "$server" "$scenario" >>"$TSV"
    fi
    stop_server
  done
done

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo
  echo "WebSocket, ${SIZE}-byte text messages; echo: $ECHO_CONNECTIONS connections x $ECHO_IN_FLIGHT in flight;" \
    "broadcast: $BROADCAST_SUBSCRIBERS subscribers, $BROADCAST_IN_FLIGHT in flight; ${DURATION}s after ${WARMUP}s;" \
    "server CPU $SERVER_CPUS, client CPU $CLIENT_CPUS; $($JAVA -version 2>&1 | head -n 1);" \
    "load average before $LOAD_BEFORE, after $LOAD_AFTER"
  echo
  echo "| scenario | server | messages/s | messages per server CPU-s | server CPU | client CPU | vs best peer |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  awk -F'\t' 'NR == 1 { next }
    { row[NR] = $0; if ($1 != "pronto" && $3 == "ok" && $4 + 0 > best[$2]) best[$2] = $4 + 0 }
    END {
      for (i = 2; i <= NR; i++) {
        split(row[i], f, "\t")
        if (f[3] != "ok") { printf "| %s | %s | FAILED | | | | |\n", f[2], f[1]; continue }
        per = f[7] > 0 ? sprintf("%.0f", f[5] / f[7]) : "n/a"
        ratio = best[f[2]] > 0 ? sprintf("%.2fx", f[4] / best[f[2]]) : "n/a"
        client = 100 * f[8] / f[6]
        # the client on its own core this busy: the number measures the client, not the server
        flag = client >= 85 ? " (client-bound)" : ""
        printf "| %s | %s | %.0f%s | %s | %.0f%% | %.0f%% | %s |\n", f[2], f[1], f[4], flag, per, 100 * f[7] / f[6],
          client, ratio
      }
    }' "$TSV"
} | tee "$RUN_DIR/table.md"
log "raw results: $RUN_DIR"
exit $FAILED
