#!/usr/bin/env bash
# Pronto's side-by-side load harness. Every server in the registry below is started in turn,
# pinned to one core, warmed up, and loaded by wrk (one thread; h2load for the h2c and h2 scenarios)
# pinned to another core. The output is a Markdown table per scenario and an SVG bar chart.
# See benchmarks/README.md.
#
#   benchmarks/run.sh                       # all servers, all scenarios, 15 s each
#   QUICK=1 benchmarks/run.sh               # 5 s runs, 2 s warm-ups
#   benchmarks/run.sh --servers "tomcat netty" --scenarios json
#
# Exit status: 0 when every run passed; 1 when a run FAILED (non-2xx, socket errors, a server
# that would not start or died) or when no server could be run at all; 2 on bad usage.

set -uo pipefail # no -e: a failed run is recorded and the harness carries on

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/benchmarks"

# ----------------------------------------------------------------------------------------------
# Server registry. An entry is: name, jar (relative to the repository root), extra arguments.
# Every server is started the same way:
#
#     taskset -c $SERVER_CPUS $JAVA $JVM_OPTS -jar <jar> --port $PORT <extra arguments>
#
# and must answer GET /plaintext ("Hello, World!", text/plain) and GET /json
# ({"message":"Hello, World!"}, application/json). A server whose jar does not exist is skipped
# with a warning, not a failure. To add a server, add a line here (README: "Adding a server").
# ----------------------------------------------------------------------------------------------
declare -A JAR=() EXTRA_ARGS=()
REGISTRY=()
register() { # name jar [extra arguments...]
  local name=$1 jar=$2
  shift 2
  REGISTRY+=("$name")
  JAR[$name]=$jar
  EXTRA_ARGS[$name]="$*"
}
# Pronto. These jars appear once the samples are built; until then the entries are skipped.
register pronto-worker samples/hello-servlet/target/hello-servlet.jar            # servlets on worker threads
register pronto-inline samples/hello-servlet/target/hello-servlet.jar --inline   # servlets on the event loop
register hello-core    samples/hello-core/target/hello-core.jar                  # core HttpHandler, no servlets
register pronto-worker-uring samples/hello-servlet/target/hello-servlet.jar --transport io_uring
register pronto-inline-uring samples/hello-servlet/target/hello-servlet.jar --inline --transport io_uring
register hello-core-uring    samples/hello-core/target/hello-core.jar --transport io_uring
# HTTPS (TLS 1.3, self-signed certificate made at start) on the same sample; wrk speaks TLS itself
register pronto-tls-jdk     samples/hello-servlet/target/hello-servlet.jar --tls jdk      # JDK TLS provider
register pronto-tls-openssl samples/hello-servlet/target/hello-servlet.jar --tls openssl  # OpenSSL (netty-tcnative)
# Peers: ./mvnw -q -pl benchmarks -am package -DskipTests
register tomcat   benchmarks/target/peer-tomcat.jar
register jetty    benchmarks/target/peer-jetty.jar
register undertow benchmarks/target/peer-undertow.jar
register netty    benchmarks/target/peer-netty.jar
# HTTPS (HTTP/1.1, TLS with the JDK's JSSE, self-signed certificate made at start) on the peers
register tomcat-tls benchmarks/target/peer-tomcat.jar --tls
register jetty-tls  benchmarks/target/peer-jetty.jar --tls
# h2c (HTTP/2 over cleartext, prior knowledge): a server started with --http2 (and no --tls) runs only
# the h2c scenario, and the h2c scenario runs only those servers.
register pronto-worker-h2c samples/hello-servlet/target/hello-servlet.jar --http2
register pronto-inline-h2c samples/hello-servlet/target/hello-servlet.jar --http2 --inline
register tomcat-h2c        benchmarks/target/peer-tomcat.jar --http2
register jetty-h2c         benchmarks/target/peer-jetty.jar --http2
# h2 (HTTP/2 over TLS, ALPN picks h2; self-signed certificate made at start): a server started with both
# --tls and --http2 runs only the h2 scenario, and the h2 scenario runs only those servers.
register pronto-worker-h2 samples/hello-servlet/target/hello-servlet.jar --tls openssl --http2
register pronto-inline-h2 samples/hello-servlet/target/hello-servlet.jar --tls openssl --http2 --inline
register tomcat-h2        benchmarks/target/peer-tomcat.jar --tls --http2
register jetty-h2         benchmarks/target/peer-jetty.jar --tls --http2
jar_path() { [[ $1 == /* ]] && echo "$1" || echo "$ROOT/$1"; }
# A/B runs: EXTRA_SERVERS names a file of more registry lines, "name jar [arguments...]" (jar absolute or relative
# to the repository root), e.g. the same sample built from another commit to measure one change.
if [ -n "${EXTRA_SERVERS:-}" ]; then
  while read -r extra_name extra_jar extra_args; do
    [[ -z "$extra_name" || "$extra_name" == \#* ]] && continue
    # shellcheck disable=SC2086 # the arguments are words
    register "$extra_name" "$extra_jar" $extra_args
  done < "$EXTRA_SERVERS"
fi

# Ratios are taken against this server when it ran, else against the first server that did.
BASELINE=${BASELINE:-pronto-worker}

# ----------------------------------------------------------------------------------------------
# Scenarios: name -> path, connections, extra wrk arguments (before the URL) and script arguments
# (after the URL).
# ----------------------------------------------------------------------------------------------
KNOWN_SCENARIOS="plaintext pipelined json h2c h2"
PIPELINE_DEPTH=16
H2C_CONNECTIONS=4
H2C_STREAMS=32
scenario_path() { case $1 in plaintext | pipelined | h2c | h2) echo /plaintext ;; json) echo /json ;; esac; }
scenario_connections() { case $1 in pipelined) echo 256 ;; h2c | h2) echo "$H2C_CONNECTIONS" ;; *) echo 64 ;; esac; }
scenario_describe() {
  case $1 in
    plaintext) echo "GET /plaintext, 64 connections, one request at a time" ;;
    pipelined) echo "GET /plaintext, 256 connections, $PIPELINE_DEPTH requests pipelined per connection" ;;
    json) echo "GET /json, 64 connections, one request at a time" ;;
    h2c) echo "GET /plaintext over h2c (prior knowledge, h2load), $H2C_CONNECTIONS connections x $H2C_STREAMS concurrent streams" ;;
    h2) echo "GET /plaintext over h2 (TLS, ALPN, h2load), $H2C_CONNECTIONS connections x $H2C_STREAMS concurrent streams" ;;
  esac
}
# The h2c scenario is for servers started with --http2 (no --tls), the h2 scenario for servers started
# with --tls and --http2; each of those runs nothing else.
server_protocol() { # server -> http1, h2c or h2
  local args=" ${EXTRA_ARGS[$1]} "
  if [[ $args != *" --http2 "* ]]; then echo http1
  elif [[ $args == *" --tls "* ]]; then echo h2
  else echo h2c; fi
}
scenario_applies() { # server scenario
  local protocol
  protocol=$(server_protocol "$1")
  case $2 in
    h2c | h2) [[ $protocol == "$2" ]] ;;
    *) [[ $protocol == http1 ]] ;;
  esac
}
uses_h2load() { [[ $1 == h2c || $1 == h2 ]]; } # scenario

CLIENT_BOUND_PCT=85       # wrk above this share of its core: the number measures wrk, not the server
CLIENT_CORE_BOUND_PCT=95  # ... or wrk's core this busy in all (its softirq network work included) on a quiet machine
FOREIGN_NOISE_PCT=10      # other processes above this share of a core during a run: noisy
QUIET_WAIT_S=${QUIET_WAIT_S:-30} # before each measured run, wait up to this long (s) for other processes to calm down
WRK_TIMEOUT=8s
START_TIMEOUT_S=30
STOP_TIMEOUT_S=10

usage() {
  cat <<EOF
usage: benchmarks/run.sh [options]     (each option also reads the environment variable named)
  --quick                DURATION=5s WARMUP=2s JIT_WARMUP=3s NOISE_RETRIES=1 unless set [QUICK=1]
  --duration D           measured wrk run per scenario (default 15s)     [DURATION]
  --warmup D             warm-up right before each measured run (default 5s) [WARMUP]
  --jit-warmup D         per scenario, once after start (default: WARMUP; QUICK 3s) [JIT_WARMUP]
  --servers "A B"        servers to run (default: all in the registry)   [SERVERS]
                         (h2c runs only on servers registered with --http2, which run only h2c;
                          h2 only on those with --tls and --http2, which run only h2)
  --scenarios "A B"      of: $KNOWN_SCENARIOS (default: all)              [SCENARIOS]
  --java PATH            java launcher (default java)                    [JAVA]
  --jvm-opts "OPTS"      JVM options for every server (default -Xms256m -Xmx256m) [JVM_OPTS]
  --port N               port the servers bind (default 8080)            [PORT]
  --server-cpus LIST     taskset CPU list for the server (default 0)     [SERVER_CPUS]
  --client-cpus LIST     taskset CPU list for wrk (default 1)            [CLIENT_CPUS]
  --noise-retries N      re-measure a noisy scenario up to N times (default 2, QUICK 1) [NOISE_RETRIES]
  --list                 print the registry and which jars exist, then exit
registry: ${REGISTRY[*]}
EOF
}

# ---------------------------------------------------------------------------------------------- options
LIST_ONLY=0
while (($#)); do
  case $1 in
    --quick) QUICK=1 ;;
    --duration) DURATION=${2:?}; shift ;;
    --warmup) WARMUP=${2:?}; shift ;;
    --jit-warmup) JIT_WARMUP=${2:?}; shift ;;
    --servers) SERVERS=${2:?}; shift ;;
    --scenarios) SCENARIOS=${2:?}; shift ;;
    --java) JAVA=${2:?}; shift ;;
    --jvm-opts) JVM_OPTS=${2?}; shift ;;
    --port) PORT=${2:?}; shift ;;
    --server-cpus) SERVER_CPUS=${2:?}; shift ;;
    --client-cpus) CLIENT_CPUS=${2:?}; shift ;;
    --noise-retries) NOISE_RETRIES=${2:?}; shift ;;
    --list) LIST_ONLY=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then
  DURATION=${DURATION:-5s}
  WARMUP=${WARMUP:-2s}
  JIT_WARMUP=${JIT_WARMUP:-3s}
  NOISE_RETRIES=${NOISE_RETRIES:-1}
fi
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
JIT_WARMUP=${JIT_WARMUP:-$WARMUP}
SERVERS=${SERVERS:-${REGISTRY[*]}}
SCENARIOS=${SCENARIOS:-$KNOWN_SCENARIOS}
JAVA=${JAVA:-java}
JVM_OPTS=${JVM_OPTS--Xms256m -Xmx256m}
PORT=${PORT:-8080}
SERVER_CPUS=${SERVER_CPUS:-0}
CLIENT_CPUS=${CLIENT_CPUS:-1}
NOISE_RETRIES=${NOISE_RETRIES:-2}

# ---------------------------------------------------------------------------------------------- output helpers
if [[ -t 2 ]]; then RED=$'\e[1;31m' YELLOW=$'\e[1;33m' BOLD=$'\e[1m' RESET=$'\e[0m'; else RED='' YELLOW='' BOLD='' RESET=''; fi
log() { printf '%s[run]%s %s\n' "$BOLD" "$RESET" "$*" >&2; }
warn() { printf '%s[run] WARNING: %s%s\n' "$YELLOW" "$*" "$RESET" >&2; }
fail() { printf '%s[run] FAILED: %s%s\n' "$RED" "$*" "$RESET" >&2; }
die() { printf '%s[run] %s%s\n' "$RED" "$*" "$RESET" >&2; exit 2; }

if ((LIST_ONLY)); then
  for name in "${REGISTRY[@]}"; do
    state=missing
    [[ -f $(jar_path "${JAR[$name]}") ]] && state=present
    printf '%-14s %-8s %s %s\n' "$name" "$state" "${JAR[$name]}" "${EXTRA_ARGS[$name]}"
  done
  exit 0
fi

# ---------------------------------------------------------------------------------------------- checks
valid_duration() { [[ $1 =~ ^[0-9]+[smh]?$ ]]; }
valid_duration "$DURATION" || die "DURATION '$DURATION' is not like 15s, 1m"
valid_duration "$WARMUP" || die "WARMUP '$WARMUP' is not like 5s, 1m"
valid_duration "$JIT_WARMUP" || die "JIT_WARMUP '$JIT_WARMUP' is not like 5s, 1m"
[[ $PORT =~ ^[0-9]+$ ]] || die "PORT '$PORT' is not a number"
[[ $NOISE_RETRIES =~ ^[0-9]+$ ]] || die "NOISE_RETRIES '$NOISE_RETRIES' is not a number"
for s in $SCENARIOS; do
  [[ " $KNOWN_SCENARIOS " == *" $s "* ]] || die "unknown scenario '$s' (known: $KNOWN_SCENARIOS)"
done
for name in $SERVERS; do
  [[ -v "JAR[$name]" ]] || die "unknown server '$name' (registry: ${REGISTRY[*]})"
done
[[ -n ${SERVERS// /} ]] || die "SERVERS is empty"
[[ -n ${SCENARIOS// /} ]] || die "SCENARIOS is empty"

missing_tools=()
for tool in wrk curl taskset python3 awk $([[ " $SCENARIOS " == *" h2c "* || " $SCENARIOS " == *" h2 "* ]] && echo h2load); do
  command -v "$tool" >/dev/null || missing_tools+=("$tool")
done
[[ -x /usr/bin/time ]] || missing_tools+=("/usr/bin/time (package: time)")
command -v "${JAVA%% *}" >/dev/null || missing_tools+=("$JAVA")
((${#missing_tools[@]} == 0)) || die "missing: ${missing_tools[*]}  (Debian: apt-get install -y wrk time curl util-linux python3 nghttp2-client)"

if (($(nproc) < 2)) && [[ $SERVER_CPUS == 0 && $CLIENT_CPUS == 1 ]]; then
  warn "only $(nproc) CPU: server and wrk share CPU 0; every number below is client-influenced"
  CLIENT_CPUS=0
fi

CLK_TCK=$(getconf CLK_TCK)
STAMP=$(date -u +%Y%m%d-%H%M%S)
RESULTS="$BENCH/results"
RUN_DIR="$RESULTS/$STAMP" # raw wrk outputs, server logs, results.tsv
mkdir -p "$RUN_DIR"
TSV="$RUN_DIR/results.tsv"
printf '%s\t' server scenario status rps requests server_cpu_s wall_s peak_rss_mib server_cpu_pct \
  server_core_pct wrk_cpu_pct client_core_pct foreign_cpu_pct >"$TSV"
printf 'notes\n' >>"$TSV"

# ---------------------------------------------------------------------------------------------- process helpers
SERVER_PID=""

# utime + stime of the whole process, in clock ticks (proc(5): fields 14 and 15 of /proc/PID/stat;
# the command name in field 2 may hold spaces, so count from the closing parenthesis).
cpu_ticks() {
  local stat
  stat=$(<"/proc/$1/stat") || return 1
  stat=${stat##*) }
  awk '{ print $12 + $13 }' <<<"$stat"
}

# Peak RSS since the last reset_peak_rss, in MiB (VmHWM).
peak_rss_mib() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }

# proc(5) clear_refs: writing 5 resets VmHWM to the current RSS, so each scenario gets its own peak.
RSS_RESETTABLE=1
reset_peak_rss() {
  if ! { echo 5 >"/proc/$1/clear_refs"; } 2>/dev/null; then
    ((RSS_RESETTABLE)) && warn "cannot reset VmHWM (/proc/$1/clear_refs): peak RSS is since server start"
    RSS_RESETTABLE=0
  fi
}

# CPU numbers of a taskset list: "0,2-3" -> "0 2 3".
expand_cpus() {
  local part parts out=() i
  IFS=, read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    if [[ $part == *-* ]]; then
      for ((i = ${part%-*}; i <= ${part#*-}; i++)); do out+=("$i"); done
    else
      out+=("$part")
    fi
  done
  echo "${out[*]}"
}

snapshot_cpus() { grep '^cpu' /proc/stat >"$1"; }

# Share of time CPUS (a space-separated list) were busy between two snapshots, in %, counting
# irq and softirq time: loopback TCP work done in softirq is charged to no process.
cores_busy_pct() { # before after "cpus"
  awk -v cpus="$3" '
    BEGIN { n = split(cpus, c, " "); for (i = 1; i <= n; i++) want["cpu" c[i]] = 1 }
    FNR == NR { for (i = 2; i <= 9; i++) before[$1, i] = $i; next }
    ($1 in want) {
      for (i = 2; i <= 9; i++) { d = $i - before[$1, i]; total += d; if (i == 5 || i == 6) idle += d }
    }
    END { if (total > 0) printf "%.0f", 100 * (total - idle) / total }' "$1" "$2"
}

# User + system ticks of every process on the machine between two snapshots (softirq and irq
# time, which loopback traffic causes, are counted apart and not included).
all_process_ticks() { # before after
  awk 'FNR == NR { if ($1 == "cpu") b = $2 + $3 + $4; next } $1 == "cpu" { print $2 + $3 + $4 - b }' "$1" "$2"
}

# Running, and not a zombie waiting to be reaped (kill -0 would still succeed on one).
# Waits (up to QUIET_WAIT_S) for a second in which the machine, our idle server included, used
# less than FOREIGN_NOISE_PCT of a core: other jobs on a shared machine come in bursts.
wait_for_quiet() {
  local deadline=$((SECONDS + QUIET_WAIT_S)) busy waited=0
  while :; do
    snapshot_cpus "$RUN_DIR/quiet.stat0"
    sleep 1
    snapshot_cpus "$RUN_DIR/quiet.stat1"
    busy=$(cores_busy_pct "$RUN_DIR/quiet.stat0" "$RUN_DIR/quiet.stat1" "$(expand_cpus "0-$(($(nproc) - 1))")")
    busy=$((${busy:-0} * $(nproc))) # % of one core
    ((busy < FOREIGN_NOISE_PCT)) && break
    if ((SECONDS >= deadline)); then
      warn "the machine stayed busy (${busy}% of a core) for ${QUIET_WAIT_S}s; measuring anyway"
      break
    fi
    ((waited)) || log "other processes use ${busy}% of a core; waiting up to ${QUIET_WAIT_S}s for quiet"
    waited=1
  done
}

alive() {
  [[ -n $SERVER_PID ]] || return 1
  local state
  state=$(awk '/^State:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null)
  [[ -n $state && $state != Z ]]
}

# The server being measured, and the URL base it answers on: https for a server started with --tls.
CURRENT=""
base_url() {
  if [[ -n $CURRENT && " ${EXTRA_ARGS[$CURRENT]} " == *" --tls "* ]]; then echo "https://127.0.0.1:$PORT"; else echo "http://127.0.0.1:$PORT"; fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start_server() { # name -> sets SERVER_PID
  local name=$1
  # shellcheck disable=SC2086 # JVM_OPTS and EXTRA_ARGS are word lists on purpose
  taskset -c "$SERVER_CPUS" $JAVA $JVM_OPTS -jar "$(jar_path "${JAR[$name]}")" --port "$PORT" ${EXTRA_ARGS[$name]} \
    >"$RUN_DIR/$name.log" 2>&1 &
  SERVER_PID=$! # taskset execs the JVM, so this is the JVM's pid
}

wait_ready() { # name; 0 once GET /plaintext answers 200
  local deadline=$((SECONDS + START_TIMEOUT_S)) code
  while ((SECONDS < deadline)); do
    alive || return 1
    code=$(curl -sk -o /dev/null -w '%{http_code}' --max-time 2 "$(base_url)/plaintext")
    [[ $code == 200 ]] && return 0
    sleep 0.2
  done
  return 1
}

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  local deadline=$((SECONDS + STOP_TIMEOUT_S))
  while alive && ((SECONDS < deadline)); do sleep 0.2; done
  if alive; then
    warn "server $SERVER_PID ignored SIGTERM for ${STOP_TIMEOUT_S}s: SIGKILL"
    kill -KILL "$SERVER_PID" 2>/dev/null
  fi
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}
trap 'stop_server' EXIT
trap 'stop_server; exit 130' INT TERM

# The body each path must return, byte for byte.
expected_body() { case $1 in /plaintext) printf 'Hello, World!' ;; /json) printf '{"message":"Hello, World!"}' ;; esac; }

check_bodies() { # prints what is wrong, if anything
  local path body
  for path in $(for s in $SCENARIOS; do scenario_applies "$CURRENT" "$s" && scenario_path "$s"; done | sort -u); do
    body=$(curl -sk --max-time 5 "$(base_url)$path")
    [[ $body == "$(expected_body "$path")" ]] || printf '%s returned %q; ' "$path" "${body:0:80}"
  done
}

# ---------------------------------------------------------------------------------------------- wrk
# run_wrk SCENARIO DURATION OUTPUT -> wrk's report in OUTPUT, "user sys elapsed" in OUTPUT.time
run_wrk() {
  local scenario=$1 duration=$2 out=$3
  local url
  url="$(base_url)$(scenario_path "$scenario")"
  local args=(-t1 "-c$(scenario_connections "$scenario")" "-d$duration" --timeout "$WRK_TIMEOUT")
  local after=()
  if [[ $scenario == pipelined ]]; then
    args+=(-s "$BENCH/pipeline.lua")
    after=(-- "$PIPELINE_DEPTH")
  fi
  /usr/bin/time -f '%U %S %e' -o "$out.time" \
    taskset -c "$CLIENT_CPUS" wrk "${args[@]}" "$url" "${after[@]}" >"$out" 2>&1
}

# run_h2load SCENARIO DURATION OUTPUT -> h2load's report in OUTPUT, "user sys elapsed" in OUTPUT.time.
# h2c with prior knowledge on an http:// URL, h2 by ALPN on an https:// one; one client thread, as wrk has.
run_h2load() {
  local scenario=$1 duration=$2 out=$3
  /usr/bin/time -f '%U %S %e' -o "$out.time" \
    taskset -c "$CLIENT_CPUS" h2load -t1 "-c$H2C_CONNECTIONS" "-m$H2C_STREAMS" -D "${duration%s}" \
    "$(base_url)$(scenario_path "$scenario")" >"$out" 2>&1
}

run_load() { # scenario duration output: wrk, or h2load for h2c and h2
  if uses_h2load "$1"; then run_h2load "$@"; else run_wrk "$@"; fi
}

# The numbers of a load report in one format: "rps requests" (empty fields if absent).
load_numbers() { # scenario output
  if uses_h2load "$1"; then
    awk '/^finished in/ { rps = $4 } /^requests:/ { done = $8 } END { print rps, done }' "$2"
  else
    awk '/^Requests\/sec:/ { rps = $2 } / requests in / { n = $1 } END { print rps, n }' "$2"
  fi
}

# What went wrong in a load report; empty when nothing did.
load_errors() { # scenario output
  if uses_h2load "$1"; then
    awk '
      /^requests:/ { for (i = 2; i < NF; i += 2) if ($(i + 1) ~ /^(failed|errored|timeout)/ && $i + 0 > 0) { out = out sep $(i + 1) " " $i; sep = ", " } }
      /^status codes:/ { for (i = 3; i < NF; i += 2) if ($(i + 1) !~ /^2xx/ && $i + 0 > 0) { out = out sep $(i + 1) " " $i; sep = ", " } }
      END { print out }' "$2" | tr -d ','
  else
    wrk_errors "$2"
  fi
}

# Whether the report starts as a run that happened (wrk reports a script it cannot load, then runs without it).
load_started() { # scenario output
  if uses_h2load "$1"; then grep -q '^finished in' "$2"; else [[ $(head -n 1 "$2") == Running* ]]; fi
}

# What went wrong in a wrk report, e.g. "non-2xx 12, read 3"; empty when nothing did.
wrk_errors() {
  awk '
    /Non-2xx or 3xx responses:/ { if ($NF + 0 > 0) { out = out sep "non-2xx " $NF; sep = ", " } }
    /Socket errors:/ {
      gsub(",", "")
      for (i = 3; i < NF; i += 2) if ($(i + 1) + 0 > 0) { out = out sep $i " " $(i + 1); sep = ", " }
    }
    END { print out }' "$1"
}

row() { # the columns of $TSV, in order -> one tab-separated line
  local IFS=$'\t'
  printf '%s' "$*"
}

record() { row "$@" >>"$TSV" && echo >>"$TSV"; }

record_unmeasured() { # server scenario status notes
  record "$1" "$2" "$3" "" "" "" "" "" "" "" "" "" "" "$4"
}

# Measures one scenario. When other processes were busy during the run (a shared machine), it
# measures again, up to NOISE_RETRIES more times, and keeps the quietest attempt. A failed
# attempt is never retried away.
run_scenario() { # name scenario
  local name=$1 scenario=$2 attempt best_row="" best_foreign=0 tried=0
  for ((attempt = 1; attempt <= NOISE_RETRIES + 1; attempt++)); do
    tried=$attempt
    measure_scenario "$name" "$scenario" "$attempt"
    if [[ $MEASURED_STATUS != ok ]]; then
      best_row=$MEASURED_ROW
      break
    fi
    if [[ -z $best_row ]] || ((${MEASURED_FOREIGN:-0} < best_foreign)); then
      best_row=$MEASURED_ROW
      best_foreign=${MEASURED_FOREIGN:-0}
    fi
    ((${MEASURED_FOREIGN:-0} <= FOREIGN_NOISE_PCT)) && break
    if ((attempt <= NOISE_RETRIES)); then
      warn "$name / $scenario: other processes used ${MEASURED_FOREIGN}% of a core; measuring again"
    fi
  done
  if ((tried > 1)); then
    [[ $best_row == *$'\t' ]] && best_row+="quietest of $tried attempts" || best_row+="; quietest of $tried attempts"
  fi
  printf '%s\n' "$best_row" >>"$TSV"
}

# One attempt: warm-up, then the measured run. Sets MEASURED_ROW (a $TSV line), MEASURED_STATUS
# and MEASURED_FOREIGN (% of a core used by other processes).
measure_scenario() { # name scenario attempt
  local name=$1 scenario=$2 base="$RUN_DIR/$name-$scenario" notes="" status=ok
  (($3 > 1)) && base+=".$3"
  MEASURED_STATUS=FAILED MEASURED_FOREIGN=""
  wait_for_quiet
  log "$name / $scenario: warm-up $WARMUP"
  run_load "$scenario" "$WARMUP" "$base.warmup.txt"
  local warm_errors
  warm_errors=$(load_errors "$scenario" "$base.warmup.txt")
  [[ -n $warm_errors ]] && { warn "$name / $scenario warm-up: $warm_errors"; notes+="warm-up errors: $warm_errors; "; }
  if ! alive; then
    fail "$name died during the $scenario warm-up (log: $RUN_DIR/$name.log)"
    MEASURED_ROW=$(row "$name" "$scenario" FAILED "" "" "" "" "" "" "" "" "" "" "${notes}server died during warm-up")
    return
  fi

  log "$name / $scenario: measuring $DURATION"
  reset_peak_rss "$SERVER_PID"
  local cpu0 cpu1 rc
  snapshot_cpus "$base.stat0"
  cpu0=$(cpu_ticks "$SERVER_PID")
  run_load "$scenario" "$DURATION" "$base.txt"
  rc=$?
  cpu1=$(cpu_ticks "$SERVER_PID" || echo "")
  snapshot_cpus "$base.stat1"
  local rss
  rss=$(peak_rss_mib "$SERVER_PID")
  ((RSS_RESETTABLE)) || notes+="RSS peak since start; "

  local rps requests user="" sys="" elapsed="" errors
  read -r rps requests < <(load_numbers "$scenario" "$base.txt")
  read -r user sys elapsed < <(tail -n 1 "$base.txt.time")
  errors=$(load_errors "$scenario" "$base.txt")

  local reason=""
  # wrk reports a script it cannot load and then runs without it: anything before "Running" is an error.
  if ((rc != 0)) || ! load_started "$scenario" "$base.txt"; then
    reason="$(uses_h2load "$scenario" && echo h2load || echo wrk): $(grep -v '^Running' "$base.txt" | head -n 2 | tr '\n' ' ')(exit $rc); "
  fi
  if [[ -z $cpu1 ]] || ! alive; then reason+="server died during the run; "; fi
  if [[ -z $rps || -z $requests || $requests == 0 ]]; then reason+="no requests completed; "; fi
  if [[ -n $errors ]]; then reason+="$errors; "; fi
  if [[ -n $reason ]]; then
    status=FAILED
    notes="$reason$notes"
    fail "$name / $scenario: $reason(wrk output: $base.txt)"
  fi

  # Process CPU (utime + stime) as % of the run, and how busy each side's cores were in all.
  local cpu_s="" server_pct="" wrk_pct="" server_core client_core foreign_pct=""
  server_core=$(cores_busy_pct "$base.stat0" "$base.stat1" "$(expand_cpus "$SERVER_CPUS")")
  client_core=$(cores_busy_pct "$base.stat0" "$base.stat1" "$(expand_cpus "$CLIENT_CPUS")")
  if [[ -n $cpu1 && -n $cpu0 ]]; then
    cpu_s=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", (b - a) / hz }')
  fi
  if [[ -n $elapsed ]]; then
    wrk_pct=$(awk -v u="$user" -v s="$sys" -v e="$elapsed" 'BEGIN { if (e > 0) printf "%.0f", 100 * (u + s) / e }')
    [[ -n $cpu_s ]] && server_pct=$(awk -v c="$cpu_s" -v e="$elapsed" 'BEGIN { if (e > 0) printf "%.0f", 100 * c / e }')
    # CPU used by processes other than this server and wrk (other jobs on a shared machine).
    foreign_pct=$(awk -v all="$(all_process_ticks "$base.stat0" "$base.stat1")" -v hz="$CLK_TCK" \
      -v c="${cpu_s:-0}" -v u="$user" -v s="$sys" -v e="$elapsed" \
      'BEGIN { f = all / hz - c - u - s; if (f < 0) f = 0; if (e > 0) printf "%.0f", 100 * f / e }')
  fi
  local noisy=0
  [[ -n $foreign_pct ]] && ((foreign_pct > FOREIGN_NOISE_PCT)) && noisy=1
  # A busy client core says "client-bound" only when no other process could have filled it.
  if [[ -n $wrk_pct ]] && ((wrk_pct > CLIENT_BOUND_PCT || (!noisy && ${client_core:-0} > CLIENT_CORE_BOUND_PCT))); then
    notes+="client-bound (wrk ${wrk_pct}% CPU, its core ${client_core}% busy); "
  fi
  ((noisy)) && notes+="noisy: other processes used ${foreign_pct}% of a core; "
  MEASURED_ROW=$(row "$name" "$scenario" "$status" "$rps" "$requests" "$cpu_s" "$elapsed" "$rss" \
    "$server_pct" "$server_core" "$wrk_pct" "$client_core" "$foreign_pct" "${notes%; }")
  MEASURED_STATUS=$status MEASURED_FOREIGN=$foreign_pct
  log "$name / $scenario: ${rps:-?} req/s; server ${cpu_s:-?} CPU-s (${server_pct:-?}%, core ${server_core:-?}% busy);" \
    "wrk ${wrk_pct:-?}% (core ${client_core:-?}%); others ${foreign_pct:-?}%; peak RSS ${rss:-?} MiB${reason:+ — FAILED}"
}

# JIT warm-up before anything is measured: every scenario's load for JIT_WARMUP, in turn. The server's
# core is shared with its JIT compiler threads, so without this the first scenario measured would
# pay for compiling the code paths of all of them.
prime_server() { # name
  local name=$1 scenario errors
  for scenario in $SCENARIOS; do
    scenario_applies "$name" "$scenario" || continue
    log "$name: JIT warm-up with $scenario load, $JIT_WARMUP"
    run_load "$scenario" "$JIT_WARMUP" "$RUN_DIR/$name-$scenario.prime.txt"
    errors=$(load_errors "$scenario" "$RUN_DIR/$name-$scenario.prime.txt")
    [[ -n $errors ]] && warn "$name / $scenario JIT warm-up: $errors"
  done
}

fail_all() { # name reason
  local s
  for s in $SCENARIOS; do scenario_applies "$1" "$s" && record_unmeasured "$1" "$s" FAILED "$2"; done
}

# ---------------------------------------------------------------------------------------------- main
log "servers: $SERVERS"
log "scenarios: $SCENARIOS; duration $DURATION; warm-up $JIT_WARMUP (JIT) + $WARMUP per scenario; JVM_OPTS: $JVM_OPTS"
log "server on CPU $SERVER_CPUS, wrk on CPU $CLIENT_CPUS; raw output in ${RUN_DIR#"$ROOT"/}"
snapshot_cpus "$RUN_DIR/idle.stat0"
sleep 1
snapshot_cpus "$RUN_DIR/idle.stat1"
idle_busy=$(cores_busy_pct "$RUN_DIR/idle.stat0" "$RUN_DIR/idle.stat1" "$(expand_cpus "$SERVER_CPUS,$CLIENT_CPUS")")
if ((${idle_busy:-0} > FOREIGN_NOISE_PCT)); then
  warn "the machine is not idle before the run (CPUs $SERVER_CPUS,$CLIENT_CPUS ${idle_busy}% busy); numbers will be noisy"
fi

ran=0
for name in $SERVERS; do
  if [[ ! -f $(jar_path "${JAR[$name]}") ]]; then
    warn "================================================================================"
    warn "SKIPPING $name: ${JAR[$name]} does not exist (not built yet?)"
    warn "================================================================================"
    for s in $SCENARIOS; do scenario_applies "$name" "$s" && record_unmeasured "$name" "$s" skipped "jar not built: ${JAR[$name]}"; done
    continue
  fi
  applies=0
  for s in $SCENARIOS; do scenario_applies "$name" "$s" && applies=1; done
  ((applies)) || continue # e.g. an h2c or h2 server when only HTTP/1.1 scenarios were asked for
  if port_busy; then
    die "port $PORT is already in use before starting $name; stop whatever listens there or pass --port"
  fi
  ran=$((ran + 1))
  CURRENT=$name
  log "starting $name: ${JAR[$name]} --port $PORT ${EXTRA_ARGS[$name]}"
  start_server "$name"
  if ! wait_ready "$name"; then
    if alive; then why="no 200 from /plaintext within ${START_TIMEOUT_S}s"; else why="exited while starting"; fi
    fail "$name: $why; last lines of $RUN_DIR/$name.log:"
    tail -n 20 "$RUN_DIR/$name.log" >&2
    fail_all "$name" "did not start: $why"
    stop_server
    continue
  fi
  wrong=$(check_bodies)
  if [[ -n $wrong ]]; then
    fail "$name: $wrong"
    fail_all "$name" "wrong body: ${wrong%; }"
    stop_server
    continue
  fi
  prime_server "$name"
  for scenario in $SCENARIOS; do
    scenario_applies "$name" "$scenario" || continue
    if ! alive; then
      fail "$name is no longer running; skipping $scenario"
      record_unmeasured "$name" "$scenario" FAILED "server died earlier"
      continue
    fi
    run_scenario "$name" "$scenario"
  done
  log "stopping $name"
  stop_server
done

# ---------------------------------------------------------------------------------------------- report
META="$RUN_DIR/meta.tsv"
{
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'stamp\t%s\n' "$STAMP"
  printf 'commit\t%s\n' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf 'cpu\t%s\n' "$(lscpu 2>/dev/null | awk -F: '/^Model name/ { gsub(/^ +/, "", $2); print $2; exit }')"
  printf 'nproc\t%s\n' "$(nproc)"
  printf 'kernel\t%s\n' "$(uname -r)"
  printf 'java\t%s\n' "$($JAVA -version 2>&1 | head -n 1)"
  printf 'wrk\t%s\n' "$(wrk -v 2>&1 | head -n 1)"
  command -v h2load >/dev/null && printf 'h2load\t%s\n' "$(h2load --version 2>&1 | head -n 1)"
  printf 'duration\t%s\n' "$DURATION"
  printf 'warmup\t%s\n' "$WARMUP"
  printf 'jit_warmup\t%s\n' "$JIT_WARMUP"
  printf 'jvm_opts\t%s\n' "$JVM_OPTS"
  printf 'server_cpus\t%s\n' "$SERVER_CPUS"
  printf 'client_cpus\t%s\n' "$CLIENT_CPUS"
  printf 'baseline\t%s\n' "$BASELINE"
  printf 'client_bound_pct\t%s\n' "$CLIENT_BOUND_PCT"
  printf 'client_core_bound_pct\t%s\n' "$CLIENT_CORE_BOUND_PCT"
  printf 'foreign_noise_pct\t%s\n' "$FOREIGN_NOISE_PCT"
  printf 'noise_retries\t%s\n' "$NOISE_RETRIES"
  printf 'pipeline_depth\t%s\n' "$PIPELINE_DEPTH"
  for s in $SCENARIOS; do printf 'scenario\t%s\t%s\n' "$s" "$(scenario_describe "$s")"; done
} >"$META"

MD="$RESULTS/$STAMP.md"
SVG="$RESULTS/$STAMP.svg"
if ! python3 "$BENCH/report.py" "$TSV" "$META" "$MD" "$SVG"; then
  fail "report generation failed; raw results in $TSV"
  exit 1
fi
echo
cat "$MD"
echo
log "report: ${MD#"$ROOT"/}, chart: ${SVG#"$ROOT"/}, raw: ${RUN_DIR#"$ROOT"/}/"

if ((ran == 0)); then
  fail "no server was run: every selected jar is missing (build: ./mvnw -q -pl benchmarks -am package -DskipTests)"
  exit 1
fi
if awk -F'\t' 'NR > 1 && $3 == "FAILED" { found = 1 } END { exit !found }' "$TSV"; then
  fail "at least one run FAILED (see the notes column)"
  exit 1
fi
exit 0
