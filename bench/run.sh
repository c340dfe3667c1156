#!/usr/bin/env bash
# Side-by-side benchmark: nendo vs Solr 9 (standalone) vs Groonga (TokenBigram), one engine at a
# time on this machine, loopback only. The peer engines, the corpus/query generators and the load
# tool (wrk) come from the peers folder ($PEERS); this script only calls them. See BENCHMARKS.md.
#
#   bench/run.sh                                   # N=1000000 DUR=30s WARM=15s, all three engines
#   N=20000 DUR=5s WARM=2s bench/run.sh            # quick run
#   STEPS="nendo" PROFILE=1 N=20000 bench/run.sh   # nendo only, with JFR and hot methods
#
# Environment: N (records, 1000000), DUR (wrk duration per concurrency, 30s), WARM (wrk warm-up, 15s),
# STEPS (engines in order, "nendo solr groonga"), PEERS ($repo/../shared/peers), DATA (/tmp/nendo-bench),
# PROFILE (0|1: Java Flight Recorder for nendo's index and serve runs), GROONGA_MECAB (0|1: also
# Groonga TokenMecab on port 10042), STARTS (start-to-first-answer repetitions, 3), SOLR_WARM ($WARM).
# Results: $DATA/results (summary-$N.tsv, *.hits.tsv, raw wrk output, logs, report-$N.md, report.md).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-1000000}"; DUR="${DUR:-30s}"; WARM="${WARM:-15s}"
STEPS="${STEPS:-nendo solr groonga}"
PEERS="${PEERS:-$repo/../shared/peers}"
DATA="${DATA:-/tmp/nendo-bench}"
PROFILE="${PROFILE:-0}"; GROONGA_MECAB="${GROONGA_MECAB:-0}"; STARTS="${STARTS:-3}"
SOLR_WARM="${SOLR_WARM:-$WARM}"
NENDO_PORT=7070; SOLR_PORT=8983
TEMPLATE='/api/search?q={q}&year_from={year_from}&year_to={year_to}&dept={department}&size=10'

die() { echo "bench/run.sh: $*" >&2; exit 1; }
[ -d "$PEERS" ] && [ -x "$PEERS/bench.sh" ] && [ -f "$PEERS/check_queries.py" ] ||
  die "peers folder not found: PEERS=$PEERS (needs bench.sh, check_queries.py, render_queries.py, gen_*.py, groonga/, solr/)"
PEERS="$(cd "$PEERS" && pwd)"
for s in $STEPS; do case "$s" in nendo|solr|groonga) ;; *) die "unknown step '$s' (STEPS: nendo solr groonga)";; esac; done
has() { case " $STEPS " in *" $1 "*) return 0;; *) return 1;; esac; }
for tool in python3 curl mvn java pgrep; do command -v "$tool" >/dev/null || die "missing: $tool"; done

export RESULTS="$DATA/results"   # bench.sh writes its raw wrk output there
mkdir -p "$DATA" "$RESULTS"
LOG="$RESULTS/run-$N.log"
exec > >(tee -a "$LOG") 2>&1
echo "== bench/run.sh $(date -Is)  N=$N DUR=$DUR WARM=$WARM STEPS='$STEPS' PROFILE=$PROFILE PEERS=$PEERS DATA=$DATA"

# ---------------------------------------------------------------- helpers
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
need_port() { port_free "$1" || die "port $1 is already in use on 127.0.0.1 (another server running?)"; }
SUMMARY="$RESULTS/summary-$N.tsv"
# a run of all three engines starts a fresh summary; a partial run (STEPS=nendo, …) keeps the other rows
if has nendo && has solr && has groonga; then : > "$SUMMARY"; else touch "$SUMMARY"; fi
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$SUMMARY"; }
forget() {   # drop an engine's previous figures for this N before measuring it again
  local tmp="$SUMMARY.tmp"; grep -v "^$1	" "$SUMMARY" > "$tmp" || true; mv "$tmp" "$SUMMARY"; }
chk() {      # ENGINE NAME ARGS...: check_queries.py; prints its summary, records its error count
  local engine="$1" name="$2"; shift 2
  python3 "$PEERS/check_queries.py" "$@" > "$RESULTS/$name.check.txt" 2> "$RESULTS/$name.check.err" ||
    echo "check_queries.py failed (exit $?)"
  cat "$RESULTS/$name.check.txt"
  if [ -s "$RESULTS/$name.check.err" ]; then
    echo "  errors: first 5 of $(wc -l < "$RESULTS/$name.check.err") lines of $RESULTS/$name.check.err"
    head -5 "$RESULTS/$name.check.err" | cut -c1-300
  fi
  record "$engine" check_errors "$(sed -n 's/.*errors=\([0-9]*\).*/\1/p' "$RESULTS/$name.check.txt" | head -1)"
}
bench() {    # bench.sh at concurrency 1 and 8; RESULT lines into the summary
  local engine="$1" name="$2" base="$3" paths="$4" warm="$5"
  "$PEERS/bench.sh" "$name" "$base" "$paths" "$DUR" "$warm" | tee "$RESULTS/$name.bench.txt"
  grep '^RESULT ' "$RESULTS/$name.bench.txt" | while read -r line; do record "$engine" result "$line"; done
}

# ---------------------------------------------------------------- cleanup (always)
MVN_PID=""; SOLR_PIDFILE=""; GROONGA_RUNNING=()
nendo_java_pid() {
  local p=""
  [ -n "$MVN_PID" ] && p="$(pgrep -P "$MVN_PID" -f 'nendo.cli.Main serve' 2>/dev/null | head -1 || true)"
  [ -z "$p" ] && p="$(pgrep -f "nendo.cli.Main serve --corpus $DATA/corpus" 2>/dev/null | head -1 || true)"
  echo "$p"
}
stop_nendo() {
  [ -n "$MVN_PID" ] || return 0
  local j; j="$(nendo_java_pid)"
  if [ -n "$j" ]; then
    kill "$j" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$j" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$j" 2>/dev/null && { echo "nendo java $j did not stop in 15 s; kill -9"; kill -9 "$j" 2>/dev/null || true; }
  fi
  for _ in $(seq 1 100); do kill -0 "$MVN_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$MVN_PID" 2>/dev/null && kill "$MVN_PID" 2>/dev/null || true
  wait "$MVN_PID" 2>/dev/null || true
  MVN_PID=""
}
stop_solr() {
  [ -n "$SOLR_PIDFILE" ] && [ -f "$SOLR_PIDFILE" ] || return 0
  local p; p="$(cat "$SOLR_PIDFILE")"
  if kill -0 "$p" 2>/dev/null; then
    kill "$p" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$p" 2>/dev/null && kill -9 "$p" 2>/dev/null || true
  fi
  SOLR_PIDFILE=""
}
stop_groonga() {   # DB_DIR PORT
  DB_DIR="$1" PORT="$2" "$PEERS/groonga/stop.sh" >/dev/null 2>&1 || true
  local g=() x; for x in "${GROONGA_RUNNING[@]}"; do [ "$x" = "$1 $2" ] || g+=("$x"); done
  GROONGA_RUNNING=("${g[@]}")
}
cleanup() {
  local rc=$?
  stop_nendo; stop_solr
  local x; for x in "${GROONGA_RUNNING[@]}"; do stop_groonga ${x}; done
  [ $rc -ne 0 ] && echo "bench/run.sh: stopped with exit code $rc; servers stopped. Log: $LOG"
  return $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- 1. prerequisites
need_apt=0
command -v groonga >/dev/null || need_apt=1
command -v wrk >/dev/null || need_apt=1
dpkg -s groonga-tokenizer-mecab >/dev/null 2>&1 || need_apt=1
if [ $need_apt = 1 ]; then
  echo "installing: groonga-bin groonga-tokenizer-mecab wrk"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends groonga-bin groonga-tokenizer-mecab wrk
fi
if has solr && [ ! -d "$PEERS/solr/target/lib" ]; then
  echo "building the Solr peer: $PEERS/solr/build.sh"; "$PEERS/solr/build.sh"
fi

# ---------------------------------------------------------------- 2. corpus and queries
corpus=""
for c in "$DATA/corpus-$N.jsonl" "${PEERS_DATA:-/tmp/peers-data}/corpus-$N.jsonl"; do
  if [ -s "$c" ] && [ "$(wc -l < "$c")" -eq "$N" ]; then corpus="$(readlink -f "$c")"; break; fi
done
if [ -z "$corpus" ]; then
  corpus="$DATA/corpus-$N.jsonl"
  echo "generating $corpus"
  python3 "$PEERS/gen_corpus.py" --n "$N" --seed 42 --out "$corpus.tmp" && mv "$corpus.tmp" "$corpus"
fi
python3 "$PEERS/gen_queries.py" --n 1000 --seed 7 --out "$DATA/queries.jsonl"
python3 "$PEERS/render_queries.py" --target groonga "$DATA/queries.jsonl" > "$DATA/groonga.paths"
python3 "$PEERS/render_queries.py" --target solr "$DATA/queries.jsonl" > "$DATA/solr.paths"
python3 "$PEERS/render_queries.py" --target service --template "$TEMPLATE" "$DATA/queries.jsonl" > "$DATA/service.paths"
corpus_md5="$(md5sum < "$corpus" | cut -c1-32)"
echo "corpus $corpus ($N records, $(du -h "$corpus" | cut -f1)), md5 $corpus_md5; queries $DATA/queries.jsonl"
forget meta
record meta date "$(date -Is)"
record meta n "$N"; record meta dur "$DUR"; record meta warm "$WARM"; record meta profile "$PROFILE"
record meta corpus "$corpus"; record meta corpus_md5 "$corpus_md5"
record meta cpu "$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
record meta mem "$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
record meta kernel "$(uname -r)"
record meta nendo_commit "$(git -C "$repo" log -1 --format='%h %ad' --date=short 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------- 3. nendo
first_answer() {  # polls /api/search?q=防災 every 20 ms; prints "<jvm start -> 200 s> <mvn start -> 200 s>"
  python3 - "$1" "$NENDO_PORT" <<'PY'
import http.client, os, subprocess, sys, time
mvn, port = int(sys.argv[1]), int(sys.argv[2])
tck = os.sysconf("SC_CLK_TCK")
def started(pid):  # /proc/<pid>/stat field 22: start time in clock ticks since boot
    s = open(f"/proc/{pid}/stat").read()
    return int(s[s.rindex(")") + 2:].split()[19]) / tck
t_mvn = started(mvn)
java = None
deadline = time.monotonic() + 1800
while time.monotonic() < deadline:
    if java is None:
        r = subprocess.run(["pgrep", "-P", str(mvn), "-f", "nendo.cli.Main serve"], capture_output=True, text=True)
        java = int(r.stdout.split()[0]) if r.stdout.split() else None
        if java is None and not os.path.exists(f"/proc/{mvn}"):
            sys.exit("maven exited before the server started")
    if java is not None:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/api/search?q=%E9%98%B2%E7%81%BD")
            status = c.getresponse().status
            c.close()
            if status == 200:
                t = time.clock_gettime(time.CLOCK_BOOTTIME)  # same clock as the stat start time
                print(f"{t - started(java):.3f} {t - t_mvn:.3f} {java}")
                sys.exit(0)
        except OSError:
            pass
    time.sleep(0.02)
sys.exit("no answer in 30 minutes")
PY
}
start_nendo() {   # JVM options; starts `mvn ... serve` in the background, sets MVN_PID
  need_port "$NENDO_PORT"
  (cd "$repo" && exec mvn -q compile exec:exec -Dnendo.jvm="$1" \
    -Dcli="serve --corpus $DATA/corpus --index $DATA/index --port $NENDO_PORT") >> "$RESULTS/nendo-$N.serve.log" 2>&1 &
  MVN_PID=$!
}
wait_health() {
  for _ in $(seq 1 18000); do
    curl -sf "http://127.0.0.1:$NENDO_PORT/health" > "$RESULTS/nendo-$N.health.json" 2>/dev/null && return 0
    kill -0 "$MVN_PID" 2>/dev/null || { tail -30 "$RESULTS/nendo-$N.serve.log"; die "nendo serve exited"; }
    sleep 0.1
  done
  die "nendo serve: no /health after 30 minutes"
}

if has nendo; then
  echo; echo "=== nendo (JVM options through -Dnendo.jvm; Maven selects the JDK)"
  grep -rq "INDEXED records=" "$repo/src/main/java" || die "this nendo has no JSON Lines indexing yet (no 'INDEXED records=' in src/main/java)"
  forget nendo; record nendo run "$(date -Is) DUR=$DUR WARM=$WARM"
  rm -rf "$DATA/corpus"; mkdir -p "$DATA/corpus"
  ln -s "$corpus" "$DATA/corpus/measures.jsonl"       # the corpus folder holds this one file only
  rm -rf "$DATA/index" "$DATA"/nendo-*.jfr "$DATA"/nendo-*gc.log
  : > "$RESULTS/nendo-$N.serve.log"
  jfr_opt() { [ "$PROFILE" = 1 ] && echo " -XX:StartFlightRecording=filename=$DATA/$1,settings=profile" || true; }

  # index (timed); the JVM's VmHWM read every 0.5 s while it runs
  jvm="-Xmx1g -Xlog:gc*:file=$DATA/nendo-index-gc.log$(jfr_opt nendo-index.jfr)"
  echo "index: mvn -q compile exec:exec -Dnendo.jvm=\"$jvm\" -Dcli=\"index --corpus $DATA/corpus --index $DATA/index\""
  t0=$(now)
  (cd "$repo" && exec mvn -q compile exec:exec -Dnendo.jvm="$jvm" \
    -Dcli="index --corpus $DATA/corpus --index $DATA/index") > "$RESULTS/nendo-$N.index.log" 2>&1 &
  ipid=$!; ihwm=0; j=""
  while kill -0 "$ipid" 2>/dev/null; do
    [ -z "$j" ] && j="$(pgrep -P "$ipid" -f 'nendo.cli.Main index' 2>/dev/null | head -1 || true)"
    if [ -n "$j" ]; then h="$(hwm_kb "$j")"; [ -n "$h" ] && [ "$h" -gt "$ihwm" ] && ihwm=$h; fi
    sleep 0.5
  done
  rc=0; wait "$ipid" || rc=$?
  t1=$(now)
  line="$(grep -a '^INDEXED ' "$RESULTS/nendo-$N.index.log" | tail -1 || true)"
  if [ $rc -ne 0 ] || [ -z "$line" ]; then
    tail -30 "$RESULTS/nendo-$N.index.log"; die "nendo index failed (exit $rc); log $RESULTS/nendo-$N.index.log"
  fi
  echo "$line  (wall including Maven: $(secs "$t0" "$t1") s)"
  record nendo indexed "$line"
  record nendo index_wall_s "$(secs "$t0" "$t1")"
  record nendo index_rss_kb "$ihwm"
  record nendo gc_log_index "$DATA/nendo-index-gc.log"

  # serve, check, load
  start_nendo "-Xmx1g -Xlog:gc*:file=$DATA/nendo-serve-gc.log$(jfr_opt nendo-serve.jfr)"
  wait_health
  j="$(nendo_java_pid)"
  java_exe="$(readlink "/proc/$j/exe" || true)"
  echo "serving: java pid $j ($java_exe); /health: $(head -c 300 "$RESULTS/nendo-$N.health.json")"
  record nendo java "$("$java_exe" -version 2>&1 | head -1)"
  record nendo gc_log_serve "$DATA/nendo-serve-gc.log"
  chk nendo "nendo-$N" --engine service --base "http://127.0.0.1:$NENDO_PORT" --queries "$DATA/queries.jsonl" \
    --paths "$DATA/service.paths" --out "$RESULTS/nendo-$N.hits.tsv"
  bench nendo "nendo-$N" "http://127.0.0.1:$NENDO_PORT" "$DATA/service.paths" "$WARM"
  record nendo rss_kb "$(hwm_kb "$j")"
  stop_nendo

  # start-to-first-answer with the existing index, STARTS times (GC logs of their own, no JFR)
  for i in $(seq 1 "$STARTS"); do
    start_nendo "-Xmx1g -Xlog:gc*:file=$DATA/nendo-start$i-gc.log"
    read -r s_jvm s_mvn s_pid < <(first_answer "$MVN_PID") || die "start $i: no first answer; see $RESULTS/nendo-$N.serve.log"
    echo "start $i: JVM start -> first answer ${s_jvm} s; Maven start -> first answer ${s_mvn} s (java pid $s_pid)"
    record nendo start_jvm_s "$s_jvm"; record nendo start_mvn_s "$s_mvn"
    record nendo gc_log_start "$DATA/nendo-start$i-gc.log"
    stop_nendo
  done
fi

# ---------------------------------------------------------------- 4. Solr 9 standalone (as run-all.sh)
if has solr; then
  echo; echo "=== Solr 9 standalone, result/document caches off"
  forget solr; need_port "$SOLR_PORT"; record solr run "$(date -Is) DUR=$DUR WARM=$SOLR_WARM"
  home="$DATA/solr-home-$N"; rm -rf "$home"
  SOLR_PIDFILE="$home/solr.pid"
  SOLR_HOME="$home" PORT=$SOLR_PORT JOPTS="-Xms2g -Xmx2g -XX:+UseG1GC -Dpeer.queryResultCache=false -Dpeer.documentCache=false" \
    "$PEERS/solr/run-standalone.sh"
  spid="$(cat "$SOLR_PIDFILE")"
  record solr java "$("$(readlink "/proc/$spid/exe")" -version 2>&1 | head -1)"
  t0=$(now)
  "$PEERS/solr/index-http.sh" "http://127.0.0.1:$SOLR_PORT/solr/measures" "$corpus" \
    > "$RESULTS/solr-$N.index.log" 2> "$RESULTS/solr-$N.index.err" || { tail -20 "$RESULTS/solr-$N.index.err"; die "solr indexing failed"; }
  t1=$(now)
  line="$(grep '^RESULT' "$RESULTS/solr-$N.index.log" | tail -1 || true)"
  echo "$line  (wall including the client JVM: $(secs "$t0" "$t1") s)"
  record solr indexed "$line"; record solr index_wall_s "$(secs "$t0" "$t1")"
  chk solr "solr-$N" --engine solr --base "http://127.0.0.1:$SOLR_PORT" --queries "$DATA/queries.jsonl" \
    --paths "$DATA/solr.paths" --out "$RESULTS/solr-$N.hits.tsv"
  bench solr "solr9-standalone-nocache-$N" "http://127.0.0.1:$SOLR_PORT" "$DATA/solr.paths" "$SOLR_WARM"
  record solr rss_kb "$(hwm_kb "$spid")"
  stop_solr
fi

# ---------------------------------------------------------------- 5. Groonga (as run-all.sh)
if has groonga; then
  toks="TokenBigram"; [ "$GROONGA_MECAB" = 1 ] && toks="TokenBigram TokenMecab"
  for tok in $toks; do
    engine="groonga-$tok"; port=$([ "$tok" = TokenBigram ] && echo 10041 || echo 10042)
    echo; echo "=== Groonga $tok (port $port, query cache off, 2 threads)"
    forget "$engine"; record "$engine" run "$(date -Is) DUR=$DUR WARM=$WARM"
    record "$engine" version "$(groonga --version | awk 'NR == 1 { print $1, $2 }')"
    db="$DATA/groonga-$tok-$N"
    [ -f "$db/groonga.pid" ] && stop_groonga "$db" "$port"
    need_port "$port"
    rm -rf "$db"
    GROONGA_RUNNING+=("$db $port")
    DB_DIR="$db" PORT=$port "$PEERS/groonga/start.sh"
    t0=$(now)
    PORT=$port TOKENIZER=$tok MODE=offline "$PEERS/groonga/load.sh" "$corpus" | tee "$RESULTS/$engine-$N.index.log"
    t1=$(now)
    record "$engine" indexed "$(grep '^RESULT' "$RESULTS/$engine-$N.index.log" | tail -1 || true)"
    record "$engine" index_wall_s "$(secs "$t0" "$t1")"
    chk "$engine" "$engine-$N" --engine groonga --base "http://127.0.0.1:$port" --queries "$DATA/queries.jsonl" \
      --paths "$DATA/groonga.paths" --out "$RESULTS/$engine-$N.hits.tsv"
    bench "$engine" "$engine-$N" "http://127.0.0.1:$port" "$DATA/groonga.paths" "$WARM"
    record "$engine" rss_kb "$(hwm_kb "$(cat "$db/groonga.pid")")"
    stop_groonga "$db" "$port"
  done
fi

# ---------------------------------------------------------------- 6. report
if [ -s "$RESULTS/nendo-$N.hits.tsv" ] && [ -s "$RESULTS/groonga-TokenBigram-$N.hits.tsv" ]; then
  python3 "$PEERS/check_queries.py" --compare "$RESULTS/nendo-$N.hits.tsv" "$RESULTS/groonga-TokenBigram-$N.hits.tsv" \
    > "$RESULTS/compare-nendo-groonga-$N.txt"
fi
if [ -s "$RESULTS/nendo-$N.hits.tsv" ] && [ -s "$RESULTS/solr-$N.hits.tsv" ]; then
  python3 "$PEERS/check_queries.py" --compare "$RESULTS/nendo-$N.hits.tsv" "$RESULTS/solr-$N.hits.tsv" \
    > "$RESULTS/compare-nendo-solr-$N.txt"
fi
echo
python3 "$repo/bench/report.py" --summary "$SUMMARY" --results "$RESULTS" --queries "$DATA/queries.jsonl" --n "$N" \
  --out "$RESULTS/report-$N.md"
cp "$RESULTS/report-$N.md" "$RESULTS/report.md"
echo; echo "report: $RESULTS/report.md   hit differences: $RESULTS/hit-diff.tsv   log: $LOG"

if [ "$PROFILE" = 1 ] && has nendo; then
  jfr="$(dirname "${java_exe:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}")/jfr"
  for f in nendo-index nendo-serve; do
    [ -s "$DATA/$f.jfr" ] || { echo "no $DATA/$f.jfr"; continue; }
    echo; echo "=== hot methods, $f ($DATA/$f.jfr), top 25"
    "$jfr" view --width 200 hot-methods "$DATA/$f.jfr" > "$RESULTS/$f-$N.hot-methods.txt" 2>&1 || true
    head -n 30 "$RESULTS/$f-$N.hot-methods.txt"
  done
fi
