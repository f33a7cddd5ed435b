#!/usr/bin/env bash
# Usage: scripts/bench.sh BIN_DIR CORPUS_DIR JAR_DIR JOBS
#
# Holds kscan against its floors on the same inputs, in the same invocation,
# each command in its own process (start-up, output and peak RSS are the
# whole process's), runs of the two in turn and the median of the pairs'
# ratios (RUNS pairs, default 5):
#   Java:  kscan-floor -mode java (tree-sitter parse only) vs
#          kscan scan --format sarif -o /dev/null CORPUS_DIR
#   jars:  kscan-floor -mode class (a minimal class reader) vs
#          kscan scan --format sarif -o /dev/null JAR_DIR
# then the peak RSS of kscan on one small jar copied 10 and 1,000 times and
# on the set's largest jar copied 10 and 200 times (memory must not grow with
# the number of archives), the 200 copies also against the class-file floor
# (copies of a class are decoded once), and, as before, kscan-bench's
# full scan against its parse-only pass.
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

# field LINE KEY: the value of KEY in a key=value line.
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }

# pairs NAME UNIT COUNT FLOOR_CMD -- SCAN_CMD: one warm-up of each, then
# RUNS pairs run in turn (floor, scan, floor, scan ...), each command in its
# own process; the ratio floor/scan is taken pair by pair, so a machine
# whose speed drifts moves both sides of a pair alike, and the median pair
# is printed. Ratio 1.0: kscan as fast as the floor; 0.5: twice its time.
RUNS=${RUNS:-5}
pairs() {
  local name=$1 unit=$2 n=$3
  shift 3
  local fcmd=() scmd=()
  while [ "$1" != -- ]; do fcmd+=("$1"); shift; done
  shift
  scmd=("$@")
  "$floor" -mode run -- "${fcmd[@]}" >/dev/null
  "$floor" -mode run -- "${scmd[@]}" >/dev/null
  for _ in $(seq "$RUNS"); do
    echo "floor $("$floor" -mode run -- "${fcmd[@]}")"
    echo "scan $("$floor" -mode run -- "${scmd[@]}")"
  done | awk -v name="$name" -v unit="$unit" -v n="$n" '
    function val(key,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] } }
    function median(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    $1 == "floor" { fw = val("seconds") + 0; fc = val("cpu") + 0; frss = val("peakRSS") }
    $1 == "scan" { k++; sw[k] = val("seconds") + 0; sc[k] = val("cpu") + 0; srss = val("peakRSS")
      rw[k] = fw / sw[k]; rc[k] = fc / sc[k]; fws[k] = fw; fcs[k] = fc }
    END {
      mfw = median(fws, k); msw = median(sw, k); mfc = median(fcs, k); msc = median(sc, k)
      printf "%s: floor %.2f s (cpu %.2f s, %.0f %s/s, peak RSS %s) | kscan %.2f s (cpu %.2f s, %.0f %s/s, peak RSS %s) | ratio floor/kscan, median of %d pairs: wall %.2f, cpu %.2f\n",
        name, mfw, mfc, n / mfw, unit, frss, msw, msc, n / msw, unit, srss, k, median(rw, k), median(rc, k) }'
}

echo "jobs=$jobs runs=$RUNS"
files=$("$floor" -mode java -jobs "$jobs" "$corpus" | tr ' ' '\n' | awk -F= '$1 == "files" { print $2 }')
pairs "java ($corpus, $files files)" files "$files" \
  "$floor" -mode java -jobs "$jobs" "$corpus" -- \
  "$kscan" scan --jobs "$jobs" --format sarif --fail-on none -o /dev/null "$corpus"

if [ -n "$(find "$jars" -name '*.jar' -print -quit 2>/dev/null)" ]; then
  line=$("$floor" -mode class -jobs "$jobs" "$jars")
  classes=$(field "$line" classes)
  pairs "jars ($jars, $(field "$line" inputs) archives, $classes classes, $(field "$line" MB) MB)" classes "$classes" \
    "$floor" -mode class -jobs "$jobs" "$jars" -- \
    "$kscan" scan --jobs "$jobs" --format sarif --fail-on none -o /dev/null "$jars"
  # Memory flat in the number of archives: one jar copied 10 and 1,000
  # times (commons-pool2 when the set has it: 80 classes) must peak alike.
  one=$(find "$jars" -name 'commons-pool2.jar' -print -quit)
  [ -n "$one" ] || one=$(find "$jars" -name '*.jar' -print -quit)
  # A large jar too (Guava in the Debian set: 2,040 classes), whose copies
  # weigh on the project index's entries per class and archive.
  large=$(find "$jars" -name '*.jar' -printf '%s %p\n' | sort -rn | head -1 | cut -d' ' -f2-)
  copies=$(mktemp -d)
  for run in "$one 10" "$one 1000" "$large 10" "$large 200"; do
    jar=${run% *} n=${run##* }
    dir="$copies/$(basename "$jar" .jar)-$n"
    mkdir -p "$dir"
    for i in $(seq -w 1 "$n"); do ln "$jar" "$dir/copy-$i.jar" 2>/dev/null || cp "$jar" "$dir/copy-$i.jar"; done
    line=$("$floor" -mode run -- "$kscan" scan --jobs "$jobs" --format sarif --fail-on none -o /dev/null "$dir")
    echo "flat memory: $n copies of $(basename "$jar"): peak RSS $(field "$line" peakRSS), $(field "$line" seconds) s"
    if [ "$jar" = "$large" ] && [ "$n" = 200 ]; then
      # A class met a third time is not decoded again: against the
      # class-file floor, copies cost what inflating them costs.
      line=$("$floor" -mode class -jobs "$jobs" "$dir")
      pairs "copies ($n of $(basename "$jar"), $(field "$line" classes) classes)" classes "$(field "$line" classes)" \
        "$floor" -mode class -jobs "$jobs" "$dir" -- \
        "$kscan" scan --jobs "$jobs" --format sarif --fail-on none -o /dev/null "$dir"
    fi
    rm -rf "$dir"
  done
  rm -rf "$copies"
else
  echo "jars: no jar in $jars and none could be fetched; skipped"
fi

# The engine's own figures: a full scan against parse-only, in process,
# best of three by wall time.
best() {
  for _ in 1 2 3; do "$@"; done | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "seconds") s = kv[2] + 0 }
    if (best == "" || s < bs) { best = $0; bs = s } } END { print best }'
}
tmp=$(mktemp)
for mode in parse scan; do
  best "$bench" -mode "$mode" -jobs "$jobs" "$corpus"
done | tee "$tmp"
awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } }
  END { printf "full scan: ratio %.2f of parse-only (%s s vs %s s for the same files); peak RSS %s vs %s\n",
        v["parse", "seconds"] / v["scan", "seconds"], v["scan", "seconds"], v["parse", "seconds"], v["scan", "peakRSS"], v["parse", "peakRSS"] }' "$tmp"
rm -f "$tmp"
