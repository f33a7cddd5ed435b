#!/bin/sh
# Builds the small jars scanner/archive tests and fuzz seeds use, from src/.
# Needs a JDK (javac, jar) and Info-ZIP zip. Run from anywhere:
#   sh testdata/archive/build.sh
# Nested jars are added STORED (zip -0) where Spring Boot and
# sofa-ark-maven-plugin store them, and DEFLATED in the war, to exercise
# both ways of reading a nested archive.
set -eu
cd "$(dirname "$0")"
export TZ=UTC
DATE=2020-01-01T00:00:00Z
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stamp() { find "$1" -exec touch -d 2020-01-01T00:00:00 {} +; }

# lib.jar: a plain library.
mkdir -p "$tmp/lib"
javac --release 8 -d "$tmp/lib" src/lib/com/acme/lib/Util.java 2>/dev/null
rm -f lib.jar
jar --create --date=$DATE --file lib.jar -C "$tmp/lib" .

# app classes, compiled against lib.
mkdir -p "$tmp/app" "$tmp/biz"
javac --release 8 -cp lib.jar -d "$tmp/app" src/app/com/acme/App.java 2>/dev/null
javac --release 8 -d "$tmp/biz" src/biz/com/acme/biz/Module.java 2>/dev/null

# fat.jar: a Spring Boot fat jar with lib.jar STORED in BOOT-INF/lib.
d="$tmp/fat"
mkdir -p "$d/META-INF" "$d/BOOT-INF/classes" "$d/BOOT-INF/lib"
cp src/fat-MANIFEST.MF "$d/META-INF/MANIFEST.MF"
cp -r "$tmp/app/com" "$d/BOOT-INF/classes/"
cp lib.jar "$d/BOOT-INF/lib/"
stamp "$d"
rm -f fat.jar
(cd "$d" && zip -X -q -r "$OLDPWD/fat.jar" META-INF BOOT-INF/classes && zip -X -q -0 "$OLDPWD/fat.jar" BOOT-INF/lib/lib.jar)

# app.war: a war with lib.jar DEFLATED in WEB-INF/lib.
d="$tmp/war"
mkdir -p "$d/WEB-INF/classes" "$d/WEB-INF/lib"
cp -r "$tmp/app/com" "$d/WEB-INF/classes/"
cp lib.jar "$d/WEB-INF/lib/"
rm -f app.war
jar --create --date=$DATE --file app.war -C "$d" .

# biz.jar: an ark-biz with its classes at the root and lib.jar STORED in lib/.
d="$tmp/bizjar"
mkdir -p "$d/META-INF" "$d/lib" "$d/com/alipay/sofa/ark/biz"
cp src/biz-MANIFEST.MF "$d/META-INF/MANIFEST.MF"
cp src/biz-mark "$d/com/alipay/sofa/ark/biz/mark"
cp -r "$tmp/biz/com/acme" "$d/com/"
cp lib.jar "$d/lib/"
stamp "$d"
rm -f biz.jar
(cd "$d" && zip -X -q -r "$OLDPWD/biz.jar" META-INF com && zip -X -q -0 "$OLDPWD/biz.jar" lib/lib.jar)

# base.jar: a base fat jar with biz.jar merged statically
# (BOOT-INF/classes/SOFA-ARK/biz/), so lib.jar sits three archives deep.
d="$tmp/base"
mkdir -p "$d/META-INF" "$d/BOOT-INF/classes/SOFA-ARK/biz" "$d/BOOT-INF/lib"
cp src/fat-MANIFEST.MF "$d/META-INF/MANIFEST.MF"
cp -r "$tmp/app/com" "$d/BOOT-INF/classes/"
cp lib.jar "$d/BOOT-INF/lib/"
cp biz.jar "$d/BOOT-INF/classes/SOFA-ARK/biz/"
stamp "$d"
rm -f base.jar
(cd "$d" && zip -X -q -r "$OLDPWD/base.jar" META-INF BOOT-INF/classes/com &&
	zip -X -q -0 "$OLDPWD/base.jar" BOOT-INF/lib/lib.jar BOOT-INF/classes/SOFA-ARK/biz/biz.jar)
