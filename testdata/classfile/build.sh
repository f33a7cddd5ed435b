#!/bin/sh
# Rebuilds the class files the classfile tests read. Needs a JDK 17 or later;
# the tests pin exact instructions and lines, so re-check them after a rebuild
# with a different javac.
set -eu
cd "$(dirname "$0")"
rm -rf classes8 classes17
javac -nowarn --release 8 -g:source,lines -d classes8 src/fixture/*.java
javac -nowarn --release 17 -g:source,lines -d classes17 src/fixture/*.java src17/fixture/*.java
