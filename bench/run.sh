#!/usr/bin/env bash
# The end-to-end benchmark of Quarry, with DuckDB and evtxexport as peers.
#
# Measures `quarry hunt --format jsonl` over the unzipped OTRF Security-Datasets JSON lines and over every EVTX
# file of the shared corpus. It runs two workloads: (seed) Quarry's own content pack, and (all) every detection of
# ESCU's endpoint folder (`--content ../shared/escu --detection ../shared/escu/detections/endpoint`), of which
# Quarry reports and leaves out the detections it cannot run yet.
# For each run it records the events Quarry's summary reports, the time, MB/s, CPU time, peak heap (from the
# -Xlog:gc log) and peak RSS (from GNU time). In the same run it times DuckDB doing the same detections as SQL
# over the same JSON lines (dev.quarry.bench.DuckDbBench, which also checks DuckDB's rows against Quarry's),
# and evtxexport against Quarry's EVTX reader (bench/evtx/run.sh).
#
# Usage: bench/run.sh [--data-dir DIR] [--keep-data] [--runs N] [--all-runs N] [--profile] [--out DIR]
#   --data-dir DIR  where the OTRF zips are unzipped (default: $TMPDIR or /tmp, then quarry-bench-otrf)
#   --keep-data     keep that folder after the run and reuse it when it is already complete
#   --runs N        timed runs of each measurement (default 3)
#   --all-runs N    timed runs of the all-detections workload over the JSON lines, the longest (default 2)
#   --profile       also record one all-detections JSON run with JDK Flight Recorder and list its hot methods
#   --out DIR       where results go (default bench/results/DATE-TIME)
# Run from anywhere; ../shared must sit beside the repository. Needs Java 17, Maven, unzip, evtxexport
# (Debian: libevtx-utils) and GNU time (Debian: time). JAVA_OPTS, if set, is passed to every Quarry JVM.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shared="$root/../shared"

data_dir="${TMPDIR:-/tmp}/quarry-bench-otrf"
keep_data=0
runs=3
all_runs=2
profile=0
out="bench/results/$(date -u +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --keep-data) keep_data=1; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --all-runs) all_runs="$2"; shift 2 ;;
    --profile) profile=1; shift ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

# ---- tools -------------------------------------------------------------------------------------------------

missing=()
command -v java >/dev/null || missing+=("java (Java 17: openjdk-17-jdk-headless)")
command -v mvn >/dev/null || missing+=("mvn (maven)")
command -v unzip >/dev/null || missing+=("unzip")
command -v evtxexport >/dev/null || missing+=("evtxexport (libevtx-utils)")
if ! /usr/bin/time --version 2>&1 | grep -q GNU; then
  missing+=("GNU time at /usr/bin/time (time)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'missing: %s\n' "${missing[@]}" >&2
  echo "install them (Debian package names in brackets) and run again" >&2
  exit 2
fi
for needed in "$shared/data/json/otrf" "$shared/data/evtx" "$shared/escu"; do
  if [ ! -d "$needed" ]; then
    echo "not found: $needed (the shared corpus must sit beside the repository)" >&2
    exit 2
  fi
done

mkdir -p "$out"
out="$(cd "$out" && pwd)"
report="$out/report.md"
exec > >(tee "$report") 2>&1

echo "# Benchmark run $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "- machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(free -h | awk '/^Mem:/ {print $2}') memory, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: $(java -version 2>&1 | head -1)"
echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- results: $out"
echo

mvn -B -q -pl quarry-cli,quarry-bench -am package -DskipTests
# The engine classes come from this build's modules, so the tools run the same code as quarry.jar.
bench_cp="quarry-bench/target/classes:quarry-core/target/classes:quarry-evtx/target/classes:quarry-bench/target/lib/*"

# ---- the JSON lines corpus ---------------------------------------------------------------------------------

# Unzips every OTRF zip once, then keeps only the files Quarry reads as JSON (first byte '{'), so that Quarry
# and DuckDB read the same files: packet captures, CSV, Zeek TSV logs, Linux audit logs and macOS metadata go.
# Encrypted entries are skipped (standard input is closed, so unzip cannot ask for their password).
# The marker that the unzipping finished sits beside the folder, so that Quarry and DuckDB do not read it.
marker="$data_dir.complete"
if [ -f "$marker" ] && [ "$keep_data" = 1 ]; then
  echo "reusing the unzipped corpus in $data_dir"
else
  rm -rf "$data_dir" "$marker"
  mkdir -p "$data_dir"
  while IFS= read -r -d '' zip; do
    rel="${zip#"$shared/data/json/otrf/"}"
    mkdir -p "$data_dir/${rel%.zip}"
    unzip -qq -o "$zip" -d "$data_dir/${rel%.zip}" </dev/null 2>/dev/null || true
  done < <(find "$shared/data/json/otrf" -name '*.zip' -print0 | sort -z)
  while IFS= read -r -d '' f; do
    if [ "$(head -c1 "$f" | tr -d '\0')" != "{" ]; then
      rm -f "$f"
    fi
  done < <(find "$data_dir" -type f -print0)
  find "$data_dir" -type d -empty -delete
  touch "$marker"
fi
if [ "$keep_data" = 0 ]; then
  trap 'rm -rf "$data_dir" "$marker"' EXIT
fi
json_bytes=$(find "$data_dir" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
json_files=$(find "$data_dir" -type f | wc -l)
evtx_bytes=$(find "$shared/data/evtx" -type f -name '*.evtx' -printf '%s\n' | awk '{s += $1} END {print s}')
evtx_files=$(find "$shared/data/evtx" -type f -name '*.evtx' | wc -l)
echo "- JSON lines: $json_files files, $((json_bytes / 1000000)) MB, from $shared/data/json/otrf"
echo "- EVTX: $evtx_files files, $((evtx_bytes / 1000000)) MB, $shared/data/evtx"
echo

# ---- Quarry ------------------------------------------------------------------------------------------------

runs_tsv="$out/quarry-runs.tsv"
printf 'input\tworkload\trun\tevents\tbytes\trun_s\twall_s\tcpu_s\tpeak_heap_mib\tmax_live_heap_mib\tpeak_rss_mib\texit\n' \
  > "$runs_tsv"

# Prints the heap occupancy before the fullest collection (or at exit, if higher) and the most live data
# after a collection, in MiB, from a -Xlog:gc,gc+heap+exit log.
heap_from_gc_log() {
  awk '
    function mib(v, u) { return u == "G" ? v * 1024 : (u == "K" ? v / 1024 : v) }
    match($0, /[0-9]+[KMG]->[0-9]+[KMG]\(/) {
      s = substr($0, RSTART, RLENGTH - 1); split(s, p, "->")
      before = mib(substr(p[1], 1, length(p[1]) - 1), substr(p[1], length(p[1])))
      after = mib(substr(p[2], 1, length(p[2]) - 1), substr(p[2], length(p[2])))
      if (before > peak) peak = before; if (after > live) live = after
    }
    /garbage-first heap|def new generation|PSYoungGen/ && match($0, /used [0-9]+K/) {
      used = substr($0, RSTART + 5, RLENGTH - 6) / 1024; if (used > peak) peak = used
    }
    END { printf "%.0f\t%.0f\n", peak, live }' "$1"
}

# quarry_runs INPUT_LABEL INPUT_PATH INPUT_BYTES WORKLOAD N [hunt options...]
quarry_runs() {
  local label="$1" input="$2" bytes="$3" workload="$4" n="$5"
  shift 5
  for run in $(seq 1 "$n"); do
    local base="$out/quarry-$label-$workload-$run"
    local code=0
    # shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
    /usr/bin/time -v -o "$base.time" java ${JAVA_OPTS:-} -Xlog:gc,gc+heap+exit:file="$base.gc.log" \
      -Dquarry.home=. -jar quarry-cli/target/quarry.jar hunt "$@" --format jsonl -o "$base.jsonl" "$input" \
      2> "$base.stderr" || code=$?
    if [ "$code" -ge 2 ]; then
      echo "quarry hunt failed with exit code $code; see $base.stderr" >&2
      exit 1
    fi
    local events run_s wall_s cpu_s rss heap
    # Events read: those parsed plus those the prefilter passed over without parsing.
    events=$(awk '/^  events:/ {gsub(",", "", $2); n += $2}
      /more passed over unparsed/ {gsub(",", "", $1); n += $1} END {print n}' "$base.stderr")
    run_s=$(grep -m1 '^  files:' "$base.stderr" | sed -E 's/.* in ([0-9.]+) s$/\1/')
    wall_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$base.time")
    cpu_s=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$base.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$base.time")
    heap=$(heap_from_gc_log "$base.gc.log")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$workload" "$run" "$events" "$bytes" \
      "$run_s" "$wall_s" "$cpu_s" "$heap" "$rss" "$code" >> "$runs_tsv"
    # Only the last run's results are kept for the comparison with DuckDB; every run writes the same rows.
    if [ "$run" = "$n" ]; then
      cp "$base.jsonl" "$out/quarry-$label-$workload.jsonl"
    fi
  done
}

echo "## Quarry hunt --format jsonl"
echo
quarry_runs json "$data_dir" "$json_bytes" seed "$runs"
quarry_runs json "$data_dir" "$json_bytes" all "$all_runs" --content "$shared/escu" \
  --detection "$shared/escu/detections/endpoint"
quarry_runs evtx "$shared/data/evtx" "$evtx_bytes" seed "$runs"
quarry_runs evtx "$shared/data/evtx" "$evtx_bytes" all "$runs" --content "$shared/escu" \
  --detection "$shared/escu/detections/endpoint"

echo "run time: from opening the first input to the end of the run, as Quarry's summary reports it;"
echo "wall: the whole command, JVM start and content loading included; CPU: user + system time of the JVM."
echo
echo "| input | workload | run | events | MB | run s | wall s | CPU s | events/s (run) | events/CPU-s | MB/s (run) | peak heap MiB | max live heap MiB | peak RSS MiB | exit |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
awk -F'\t' 'NR > 1 {
  printf "| %s | %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f | %s | %s | %s | %s |\n",
    $1, $2, $3, $4, $5 / 1e6, $6, $7, $8, $4 / $6, $4 / $8, $5 / 1e6 / $6, $9, $10, $11, $12 }' "$runs_tsv"
echo
# The all-detections run against the seed run, by the median run time of each.
awk -F'\t' 'NR > 1 { t[$1 "\t" $2] = t[$1 "\t" $2] " " $6 }
  function median(s,   a, n, i, j, x) { n = split(s, a, " ");
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { x = a[i]; a[i] = a[j]; a[j] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { for (k in t) m[k] = median(t[k]);
    printf "all detections / seed detection, median run time: JSON %.1fx, EVTX %.1fx\n\n",
      m["json\tall"] / m["json\tseed"], m["evtx\tall"] / m["evtx\tseed"] }' "$runs_tsv"
grep -m1 "^  detections:" "$out/quarry-json-all-1.stderr" | sed 's/^ */all-detections workload: /'
echo

# ---- DuckDB ------------------------------------------------------------------------------------------------

echo "## DuckDB over the same JSON lines"
echo
java -cp "$bench_cp" dev.quarry.bench.DuckDbBench "$data_dir" content "$shared/escu" \
  "$out/quarry-json-seed.jsonl" "$out/quarry-json-all.jsonl" "$runs" "$out"
echo

# ---- EVTX decoding -----------------------------------------------------------------------------------------

echo "## EVTX: quarry-evtx and evtxexport (bench/evtx/run.sh)"
echo
echo '```'
bash bench/evtx/run.sh "$shared/data/evtx" "$runs" | tee "$out/evtx-throughput.txt"
echo '```'
echo
evtxexport_rate=$(awk '/evtxexport, the .* files it exports whole/ {for (i = 1; i <= NF; i++) if ($i == "records/s") print $(i - 1)}' \
  "$out/evtx-throughput.txt")
awk -F'\t' -v rate="$evtxexport_rate" 'NR > 1 && $1 == "evtx" {
  printf "quarry hunt over EVTX, %s run %s: %.0f events/s, %.1fx evtxexport'"'"'s %s records/s\n",
    $2, $3, $4 / $6, ($4 / $6) / rate, rate }' "$runs_tsv"
echo

# ---- profile -----------------------------------------------------------------------------------------------

if [ "$profile" = 1 ]; then
  echo "## Profile of the all-detections run over the JSON lines (JDK Flight Recorder, settings=profile)"
  echo
  # shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
  java ${JAVA_OPTS:-} -XX:StartFlightRecording=filename="$out/all.jfr",settings=profile \
    -Dquarry.home=. -jar quarry-cli/target/quarry.jar hunt --content "$shared/escu" \
    --detection "$shared/escu/detections/endpoint" --format jsonl \
    -o /dev/null "$data_dir" 2> "$out/profile.stderr" || true
  grep -m1 '^  files:' "$out/profile.stderr" | sed 's/^ */profiled run: /'
  echo
  java -cp "$bench_cp" dev.quarry.bench.HotMethods "$out/all.jfr" 25
fi
