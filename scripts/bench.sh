#!/usr/bin/env bash
# Usage: scripts/bench.sh BIN_DIR CORPUS_DIR JAR_DIR JOBS
#
# Holds kscan against its floors on the same inputs, each command in its own
# process (start-up, output and peak RSS are the whole process's), best of
# three by wall time:
#   Java:  kscan-floor -mode java (tree-sitter parse only) vs
#          kscan scan --format sarif -o /dev/null CORPUS_DIR
#   jars:  kscan-floor -mode class (a minimal class reader) vs
#          kscan scan --format sarif -o /dev/null JAR_DIR
# and, as before, kscan-bench's full scan against its parse-only pass.
# BIN_DIR holds kscan, kscan-floor and kscan-bench. CORPUS_DIR is filled
# with Debian's Spring sources (or 60 MB of generated Java) when it has no
# .java file; JAR_DIR with the jars of a list of Debian packages when it has
# no jar (the jar comparison is skipped when neither works).
set -euo pipefail
bin=$1 corpus=$2 jars=$3 jobs=${4:-2}
kscan=$bin/kscan floor=$bin/kscan-floor bench=$bin/kscan-bench

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

# Debian packages whose jars make the class-file corpus (about 70 jars of
# logging, Spring, Guava, Netty, Jetty, Tomcat, H2, Jackson, Commons ...).
jar_packages="liblogback-java libslf4j-java liblog4j2-java libspring-core-java libspring-beans-java
  libspring-context-java libspring-aop-java libspring-expression-java libspring-transaction-java libguava-java
  libnetty-java libjetty9-java libh2-java libjackson2-databind-java libjackson2-core-java
  libjackson2-annotations-java libcommons-lang3-java libcommons-pool2-java libhikaricp-java libjavassist-java
  libtomcat9-java libognl-java"
mkdir -p "$jars"
if [ -z "$(find "$jars" -name '*.jar' -print -quit 2>/dev/null)" ] && command -v apt-get >/dev/null; then
  echo "bench: fetching jars into $jars" >&2
  tmp=$(mktemp -d)
  # shellcheck disable=SC2086
  if (cd "$tmp" && apt-get download -qq $jar_packages >/dev/null 2>&1); then
    for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$tmp/x"; done
    find "$tmp/x" -name '*.jar' -type f -exec cp {} "$jars/" \;
  fi
  rm -rf "$tmp"
fi

# best CMD...: the run with the least wall time of three, as key=value figures.
best() {
  for _ in 1 2 3; do "$@"; done | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "seconds") s = kv[2] + 0 }
    if (best == "" || s < bs) { best = $0; bs = s } } END { print best }'
}
# field LINE KEY: the value of KEY in a key=value line.
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }

# compare NAME UNIT COUNT FLOOR_LINE SCAN_LINE: kscan's throughput as a
# share of the floor's, from whole-process wall times.
compare() {
  local name=$1 unit=$2 n=$3 fl=$4 sc=$5
  local fs ss
  fs=$(field "$fl" seconds) ss=$(field "$sc" seconds)
  awk -v name="$name" -v unit="$unit" -v n="$n" -v fs="$fs" -v ss="$ss" -v fc="$(field "$fl" cpu)" -v sc="$(field "$sc" cpu)" \
    -v fr="$(field "$fl" peakRSS)" -v sr="$(field "$sc" peakRSS)" 'BEGIN {
      printf "%s: kscan %.0f %s/s (%.2f s, cpu %.2f s, peak RSS %s) vs floor %.0f %s/s (%.2f s, cpu %.2f s, peak RSS %s): ratio %.2f\n",
        name, n / ss, unit, ss, sc, sr, n / fs, unit, fs, fc, fr, fs / ss }'
}

echo "jobs=$jobs"
fl=$(best "$floor" -mode run -- "$floor" -mode java -jobs "$jobs" "$corpus")
sc=$(best "$floor" -mode run -- "$kscan" scan --jobs "$jobs" --format sarif --fail-on none -o /dev/null "$corpus")
files=$("$floor" -mode java -jobs "$jobs" "$corpus" | tr ' ' '\n' | awk -F= '$1 == "files" { print $2 }')
compare "java ($corpus, $files files)" files "$files" "$fl" "$sc"

if [ -n "$(find "$jars" -name '*.jar' -print -quit 2>/dev/null)" ]; then
  fl=$(best "$floor" -mode run -- "$floor" -mode class -jobs "$jobs" "$jars")
  sc=$(best "$floor" -mode run -- "$kscan" scan --jobs "$jobs" --format sarif --fail-on none -o /dev/null "$jars")
  line=$("$floor" -mode class -jobs "$jobs" "$jars")
  classes=$(field "$line" classes)
  compare "jars ($jars, $(field "$line" inputs) archives, $classes classes, $(field "$line" MB) MB)" classes "$classes" "$fl" "$sc"
else
  echo "jars: no jar in $jars and none could be fetched; skipped"
fi

# The engine's own figures: a full scan against parse-only, in process.
tmp=$(mktemp)
for mode in parse scan; do
  best "$bench" -mode "$mode" -jobs "$jobs" "$corpus"
done | tee "$tmp"
awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } }
  END { printf "full scan: %.0f%% of parse-only throughput (%s vs %s MB/s); peak RSS %s vs %s\n",
        100 * v["scan", "MB/s"] / v["parse", "MB/s"], v["scan", "MB/s"], v["parse", "MB/s"], v["scan", "peakRSS"], v["parse", "peakRSS"] }' "$tmp"
rm -f "$tmp"
