#!/bin/sh
# Builds tasks.jar, the jar scanner/scope_jar_test.go scans: an Ant task
# (com.acme.build.StampTask) and a stand-in for Ant's own Task class, both
# set aside as build tools by their class files, beside library code that
# stays production. Needs a JDK. Run from anywhere: sh testdata/scopejar/build.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
javac -nowarn --release 8 -d "$tmp" $(find src -name '*.java' | LC_ALL=C sort)
rm -f tasks.jar
jar --create --date=2020-01-01T00:00:00Z --file tasks.jar -C "$tmp" .
