#!/usr/bin/env bash
# A/B of two versions of nendo on the same index: both servers run side by side and take turns
# under load in short bursts, so that the machine's drift (other tenants of a VM, frequency) falls
# on both alike. Needs an index and query paths from an earlier bench/run.sh (same $DATA).
#
#   git worktree add /tmp/nendo-a <commit>      # the version to compare against
#   bench/ab.sh /tmp/nendo-a .                  # B/A of requests, 16 rounds of 5 s at c=8
#   CONC=1 ROUNDS=10 bench/ab.sh /tmp/nendo-a . # at c=1
#   JVM_B="-Dsome.flag=1" bench/ab.sh . .       # the same code with other JVM options
#
# Environment: DATA (/tmp/nendo-bench), PEERS ($repo/../shared/peers, for wrk's script), CONC (8),
# ROUNDS (16), BURST (5s), WARM (40s per server before the first round: a server started cold
# keeps getting faster for about a minute, and shorter warm-ups measured that instead), JVM_A and
# JVM_B (extra JVM options; both get -Xmx1g as in the benchmark), INDEX_A and INDEX_B ($DATA/index;
# give B its own index when it changes the schema, or it would rebuild the shared one).
# Prints each round (requests of A, of B, B/A), then the B/A ratio of the sums and the median.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -eq 2 ] || { echo "usage: bench/ab.sh A_DIR B_DIR (two checkouts of nendo)" >&2; exit 2; }
A="$(cd "$1" && pwd)"; B="$(cd "$2" && pwd)"
DATA="${DATA:-/tmp/nendo-bench}"; PEERS="${PEERS:-$repo/../shared/peers}"
CONC="${CONC:-8}"; ROUNDS="${ROUNDS:-16}"; BURST="${BURST:-5s}"; WARM="${WARM:-40s}"
INDEX_A="${INDEX_A:-$DATA/index}"; INDEX_B="${INDEX_B:-$DATA/index}"
PATHS="$DATA/service.paths"; LUA="$PEERS/wrk/paths.lua"; PORT_A=7071; PORT_B=7072
for f in "$PATHS" "$LUA" "$DATA/corpus"; do [ -e "$f" ] || { echo "bench/ab.sh: missing $f (run bench/run.sh first)" >&2; exit 1; }; done
command -v wrk >/dev/null || { echo "bench/ab.sh: missing wrk (apt-get install wrk)" >&2; exit 1; }

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap stop EXIT

serve() { # dir port index jvm-options
  (cd "$1" && exec mvn -q compile exec:exec -Dnendo.jvm="-Xmx1g $4" \
    -Dcli="serve --corpus $DATA/corpus --index $3 --port $2") > "$DATA/ab-$2.log" 2>&1 &
  for _ in $(seq 180); do
    curl -sf -o /dev/null "http://127.0.0.1:$2/health" && break
    sleep 1
  done
  curl -sf -o /dev/null "http://127.0.0.1:$2/health" || { echo "bench/ab.sh: $1 did not start (log: $DATA/ab-$2.log)" >&2; exit 1; }
  pids+=("$(pgrep -f "nendo.cli.Main serve .*--port $2" | head -1)")
}
requests() { # port duration
  wrk -t1 -c"$CONC" -d"$2" -s "$LUA" "http://127.0.0.1:$1" -- "$PATHS" | awk '/requests in/ {print $1}'
}

serve "$A" "$PORT_A" "$INDEX_A" "${JVM_A:-}"
serve "$B" "$PORT_B" "$INDEX_B" "${JVM_B:-}"
requests "$PORT_A" "$WARM" > /dev/null
requests "$PORT_B" "$WARM" > /dev/null
echo "round  A  B  B/A   (c=$CONC, $BURST bursts; A=$A, B=$B)"
for r in $(seq "$ROUNDS"); do
  # Alternate who goes first, so that neither always follows the other's burst.
  if [ $((r % 2)) -eq 1 ]; then a=$(requests "$PORT_A" "$BURST"); b=$(requests "$PORT_B" "$BURST")
  else b=$(requests "$PORT_B" "$BURST"); a=$(requests "$PORT_A" "$BURST"); fi
  echo "$r $a $b" | awk '{printf "%d  %d  %d  %.3f\n", $1, $2, $3, $3 / $2}'
done | tee "$DATA/ab-rounds.txt"
median=$(sort -n -k4 "$DATA/ab-rounds.txt" | awk '{r[NR] = $4} END {print r[int((NR + 1) / 2)]}')
awk -v median="$median" '{a += $2; b += $3} END {printf "B/A: %.3f of the sums, median round %s\n", b / a, median}' \
  "$DATA/ab-rounds.txt"
