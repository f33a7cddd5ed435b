#!/usr/bin/env bash
# Usage: scripts/bench.sh KSCAN_BENCH CORPUS_DIR JOBS
# Measures a full scan against parse-only on the same tree, each mode in its
# own process (peak RSS is per process), best of three runs.
set -euo pipefail
bench=$1 corpus=$2 jobs=${3:-2}
mkdir -p "$corpus"
if [ -z "$(find "$corpus" -name '*.java' -print -quit 2>/dev/null)" ]; then
  echo "bench: fetching Java sources into $corpus" >&2
  fetched=0
  if command -v apt-get >/dev/null && (cd "$corpus" && apt-get source --download-only -qq libspring-java >/dev/null 2>&1); then
    (cd "$corpus" && for f in *.orig.tar.*; do tar xf "$f"; done) && fetched=1
  fi
  if [ "$fetched" = 0 ]; then
    echo "bench: no source packages (enable deb-src lines for Debian's sources); generating 60 MB of Java" >&2
    "$bench" -generate "$corpus/generated" -size 60000000 >&2
  fi
fi
echo "corpus: $corpus ($(find "$corpus" -name '*.java' | wc -l) .java files), jobs=$jobs"
tmp=$(mktemp)
for mode in parse scan; do
  for i in 1 2 3; do "$bench" -mode "$mode" -jobs "$jobs" "$corpus"; done |
    awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "seconds") s = kv[2] + 0 }
           if (best == "" || s < bs) { best = $0; bs = s } } END { print best }'
done | tee "$tmp"
awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } }
  END { printf "full scan: %.0f%% of parse-only throughput (%s vs %s MB/s); peak RSS %s vs %s\n",
        100 * v["scan", "MB/s"] / v["parse", "MB/s"], v["scan", "MB/s"], v["parse", "MB/s"], v["scan", "peakRSS"], v["parse", "peakRSS"] }' "$tmp"
rm -f "$tmp"
