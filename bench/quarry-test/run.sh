#!/usr/bin/env bash
# Times `quarry test` for one detection over a large recorded dataset: the Security-Datasets recordings
# LSASS_campaign_02 and _03 (two JSON files, about 170 MB unzipped, mostly Sysmon and Security events).
# Usage: bench/quarry-test/run.sh [DATA_DIR]   (DATA_DIR defaults to ../shared/data/json/otrf relative to the
# repository root). Needs Java 17, Maven and unzip.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${1:-../shared/data/json/otrf}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mvn -B -q -DskipTests -Dstyle.color=never package >/dev/null 2>&1
unzip -q -o "$data/datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump.zip" -d "$work/data"
unzip -q -o "$data/datasets/compound/LSASS_campaign_03/metasploit_comsvcs_lsass_memory_dump.zip" -d "$work/data"
files=$(find "$work/data" -name '*.json' | sort)
bytes=$(cat $files | wc -c)

mkdir -p "$work/content/detections" "$work/content/macros"
cp content/macros/*.yml "$work/content/macros/"
sed '/^tests:/,$d' content/detections/endpoint/windows_sql_spawning_certutil.yml > "$work/content/detections/seed.yml"
{
  echo "tests:"
  echo "- name: LSASS campaigns 2 and 3, no SQL Server starting certutil"
  echo "  expect_no_results: true"
  echo "  attack_data:"
  for f in $files; do
    echo "  - data: $f"
    echo "    source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"
    echo "    sourcetype: xmlwineventlog"
  done
} >> "$work/content/detections/seed.yml"

echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -h | awk '/^Mem:/ {print $2}') memory"
echo "java: $(java -version 2>&1 | head -1)"
echo "data: $(echo "$files" | wc -l) files, $((bytes / 1024 / 1024)) MiB"
for run in 1 2 3; do
  start=$(date +%s.%N)
  java -Dquarry.home="$root" -jar quarry-cli/target/quarry.jar test --content "$work/content" --format jsonl
  end=$(date +%s.%N)
  echo "run $run: $(echo "$end - $start" | bc) s wall clock, including JVM start"
done
