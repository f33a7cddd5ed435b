#!/bin/sh
# Times `kscan slim` (with its class check), and `kscan scan` running only
# module-class-unresolvable, on a biz jar of 200 library jars beside a base.
# The jars are the distinct jars of /usr/share/java (Debian packages),
# repeated under new names to reach 200; the module's own code is the
# classes of maven3-core.jar. Needs those jars, jar(1) and a built kscan.
# Usage: scripts/slim-perf.sh [KSCAN]
set -eu
kscan=${1:-kscan}
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
mkdir -p "$w/biz/lib" "$w/base/BOOT-INF/lib" "$w/biz/com/alipay/sofa/ark/biz"
for f in /usr/share/java/*.jar; do readlink -f "$f"; done | sort -u > "$w/all"
i=0
while [ $i -lt 200 ]; do
  for f in $(cat "$w/all"); do
    [ $i -ge 200 ] && break
    cp "$f" "$w/biz/lib/$(basename "$f" .jar)-copy$i.jar"
    i=$((i + 1))
  done
done
here=$(cd "$(dirname "$0")/.." && pwd)
(cd "$w/base" && unzip -q "$here/testdata/slim/jars/base-app.jar" 'BOOT-INF/lib/*')
(cd "$w/biz" && unzip -qo /usr/share/java/maven3-core.jar -x 'META-INF/*' && : > com/alipay/sofa/ark/biz/mark)
printf 'Manifest-Version: 1.0\nArk-Biz-Name: perf\n' > "$w/mf"
printf 'Manifest-Version: 1.0\nStart-Class: x\n' > "$w/bmf"
(cd "$w/biz" && jar cfm0 ../biz.jar ../mf .)
(cd "$w/base" && jar cfm0 ../base.jar ../bmf BOOT-INF)
/usr/bin/time -f "%e s elapsed, %M KB peak RSS" "$kscan" slim --fail-on none --base "$w/base.jar" "$w/biz.jar" 2>&1 >/dev/null | tail -1
(cd "$w" && /usr/bin/time -f "%e s elapsed, %M KB peak RSS (scan --rule module-class-unresolvable)" "$kscan" scan --fail-on none --rule module-class-unresolvable base.jar biz.jar 2>&1 >/dev/null | tail -1)
