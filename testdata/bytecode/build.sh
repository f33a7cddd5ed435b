#!/bin/sh
# Rebuilds the compiled fixtures of testdata/bytecode from sources:
#   fixtures-8.jar, fixtures-17.jar  every rule fixture (testdata/rules/**/*.java) that
#       compiles on its own against the stubs, compiled with javac --release 8 / 17; each
#       fixture's classes sit under its path relative to testdata/rules
#       ("system-exit/Exits.java/Exits.class")
#   stubs/  the library types the fixtures use (Spring, SLF4J, Koupleless, look-alikes such
#       as my.pkg.ServiceLoader, and the few fixture classes another fixture refers to):
#       signatures only, on the class path when a fixture compiles, never in the jars
#   classes/demo/Sample.class  src/extract/demo/Sample.java, --release 8: the class
#       scanner/bytecode's own tests read
#   base-fat.jar  a Spring Boot style base: BOOT-INF/classes/ holds the app, and the stored
#       BOOT-INF/lib/plugin-lib.jar a library that loads classes with Class.forName(String)
#   uncompiled.txt  "RELEASE path" of each rule fixture that does not compile on its own
#       (most need another fixture's classes), so a test can tell a fixture added since
#       the last rebuild from one that cannot be in the jars
# Needs a JDK 17 or later. Run from anywhere: sh testdata/bytecode/build.sh
#
# Rebuild everything with this script whenever a fixture is added or its code changes,
# and commit what it writes; never patch a jar with `jar --update`. A rebuild is
# byte-identical when nothing changed, so the jars always say what the sources compile
# to. A jar patched by hand drifts: fixtures added or edited since are missing or old
# there, and the bytecode agreement test (scanner/bytecode_fixtures_test.go) checks
# neither. TestFixtureJarsCurrent catches a fixture missing from both the jars and
# uncompiled.txt, or a class a fixture declares that its jar entry lacks; it cannot see
# a changed method body, which only a rebuild shows (git diff on the jars).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rules=$here/../rules
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for rel in 8 17; do
    out=$tmp/fx$rel
    stubs=$tmp/stubs$rel
    mkdir -p "$out" "$stubs"
    (cd "$here/stubs" && find . -name '*.java' | LC_ALL=C sort) | (cd "$here/stubs" && xargs javac -nowarn --release "$rel" -d "$stubs")
    # Each fixture on its own (javac -nowarn -encoding UTF-8 --release $rel -cp $stubs
    # -implicit:none -d $out/$f $rules/$f), in one JVM; one that fails leaves nothing.
    (cd "$rules" && find . -name '*.java' | sed 's|^\./||' | LC_ALL=C sort) |
        java "$here/CompileEach.java" "$rel" "$stubs" "$rules" "$out" | sed "s|^|$rel |" >>"$tmp/uncompiled"
    rm -f "$here/fixtures-$rel.jar"
    # Fixed timestamps keep the jars byte-identical across rebuilds.
    find "$out" -exec touch -t 202001010000 {} +
    jar --create --no-manifest --file "$here/fixtures-$rel.jar" -C "$out" .
done

LC_ALL=C sort "$tmp/uncompiled" >"$here/uncompiled.txt"

rm -rf "$here/classes"
javac --release 8 -d "$here/classes" "$here/src/extract/demo/Sample.java"

mkdir -p "$tmp/lib" "$tmp/fat/BOOT-INF/classes" "$tmp/fat/BOOT-INF/lib"
javac --release 8 -d "$tmp/lib" "$here/src/fatjar/lib/com/acme/lib/PluginLoader.java"
find "$tmp/lib" -exec touch -t 202001010000 {} +
jar --create --no-manifest --file "$tmp/fat/BOOT-INF/lib/plugin-lib.jar" -C "$tmp/lib" .
javac --release 8 -cp "$tmp/lib" -d "$tmp/fat/BOOT-INF/classes" "$here/src/fatjar/app/com/acme/app/App.java"
find "$tmp/fat" -exec touch -t 202001010000 {} +
rm -f "$here/base-fat.jar"
# Stored, as Spring Boot writes nested jars, so the walker reads them in place.
jar --create --no-manifest --no-compress --file "$here/base-fat.jar" -C "$tmp/fat" .
