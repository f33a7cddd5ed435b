#!/bin/sh
# Builds the jars of the antlib test: tree/lib/acme-tasks-1.0.jar, an Ant
# library tree/build.xml loads with the library it bundles, and
# tree/lib/other-db-2.0.jar, a runtime library that also ships an antlib
# no build file of the tree loads. Java 8 class files.
set -e
cd "$(dirname "$0")"
for j in tasks:acme-tasks-1.0 runtime:other-db-2.0; do
	src=${j%%:*} name=${j#*:}
	out=$(mktemp -d)
	javac --release 8 -nowarn -d "$out" $(find "jarsrc/$src" -name '*.java')
	(cd "jarsrc/$src" && find . -name antlib.xml -exec cp --parents {} "$out" \;)
	mkdir -p tree/lib
	(cd "$out" && jar --create --file "$OLDPWD/tree/lib/$name.jar" --no-manifest .)
	rm -rf "$out"
done
