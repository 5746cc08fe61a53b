#!/usr/bin/env bash
# Runs the JMH micro-benchmarks of the quarry-bench module (package dev.quarry.bench.jmh) over real recordings:
#   - JSON lines: the Security-Datasets recording aptsimulator_cobaltstrike (5.5 MB, one file as recorded);
#   - event XML: the CC0 EVTX corpus (../shared/data/evtx/mitre-attack-cc0) as `quarry events --format xml`
#     renders it, one event per line;
#   - process records: every line of the Security-Datasets JSON files with a Sysmon EventID 1 or a Security
#     4688 event, which the benchmarks normalize into Endpoint.Processes records in their setup.
# Settings: one fork, 3 warm-up iterations of 2 s, 5 measured iterations of 2 s; about 4 minutes in all.
# JMH_SETTINGS replaces them (JMH accepts each option once), for example JMH_SETTINGS="-f 1 -wi 0 -i 1".
# Usage: bench/jmh.sh [JMH OPTIONS...]   (for example a benchmark name pattern such as ReaderBenchmark, or
# -prof gc). Results go to bench/results/jmh-DATE-TIME.json. Needs Java 17, Maven and unzip; ../shared must sit
# beside the repository.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shared="$root/../shared"
for tool in java mvn unzip; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

mvn -B -q -pl quarry-cli,quarry-bench -am package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

otrf="$shared/data/json/otrf"
unzip -qq -o "$otrf/datasets/atomic/windows/other/aptsimulator_cobaltstrike.zip" -d "$work/json" </dev/null
json="$(find "$work/json" -type f -name '*.json' ! -path '*__MACOSX*' | head -1)"
java -Dquarry.home=. -jar quarry-cli/target/quarry.jar events --format xml "$shared/data/evtx/mitre-attack-cc0" \
  > "$work/events.xml" 2>/dev/null || true
# Encrypted zip entries are skipped: standard input is closed, so unzip cannot ask for their password.
while IFS= read -r -d '' zip; do
  unzip -p "$zip" </dev/null 2>/dev/null | grep -a -E '"EventID": ?"?(1|4688)"?[,}]' || true
done < <(find "$otrf" -name '*.zip' -print0 | sort -z) > "$work/process-events.json"

echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(free -h | awk '/^Mem:/ {print $2}') memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo "inputs: $(wc -c < "$json") bytes of JSON lines, $(wc -c < "$work/events.xml") bytes of XML," \
  "$(wc -l < "$work/process-events.json") process-creation lines"

mkdir -p bench/results
# shellcheck disable=SC2086 # JMH_SETTINGS holds several options on purpose
result="bench/results/jmh-$(date -u +%Y%m%d-%H%M%S).json"
# The engine classes come from this build's modules, never from a copy in the local Maven repository.
java -cp "quarry-bench/target/classes:quarry-core/target/classes:quarry-evtx/target/classes:quarry-bench/target/lib/*" org.openjdk.jmh.Main \
  ${JMH_SETTINGS:--f 1 -wi 3 -w 2s -i 5 -r 2s} -rf json -rff "$result" \
  -p jsonFile="$json" -p xmlFile="$work/events.xml" -p seedContent="$root/content" \
  -p escuContent="$shared/escu" -p recordsFile="$work/process-events.json" \
  "$@"
echo "results: $result"
