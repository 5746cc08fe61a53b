#!/usr/bin/env bash
# Measures quarry-evtx decoding throughput against libevtx's evtxexport on the same files.
# Usage: bench/evtx/run.sh [DIR] [RUNS]   (run from anywhere; DIR defaults to ../shared/data/evtx
# relative to the repository root, RUNS to 5). JAVA_OPTS, if set, is passed to the JVM, for
# example JAVA_OPTS=-XX:+UseParallelGC. Needs Java 17, Maven and evtxexport (libevtx-utils).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dir="${1:-../shared/data/evtx}"
runs="${2:-5}"

if ! command -v evtxexport >/dev/null; then
  echo "evtxexport not found; install it with: apt-get install libevtx-utils" >&2
  exit 2
fi

mvn -B -q -pl quarry-evtx package -DskipTests
jar="quarry-evtx/target/quarry-evtx-0.1.0-SNAPSHOT.jar"

echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(free -h | awk '/^Mem:/ {print $2}') memory"
echo "java: $(java -version 2>&1 | head -1)"
echo "evtxexport: $(evtxexport -V 2>&1 | head -1)"
echo "command: java ${JAVA_OPTS:-} -cp $jar dev.quarry.evtx.tools.Throughput $dir $runs"
# shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
java ${JAVA_OPTS:-} -cp "$jar" dev.quarry.evtx.tools.Throughput "$dir" "$runs"
