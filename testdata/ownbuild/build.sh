#!/bin/sh
# Builds the two jars of the own-build test: tree/lib/acme-gen-0.9.jar, an
# earlier release of the tree's own com.acme.gen, and tree/lib/org-lib.jar, a
# library of which the tree patches one class. Java 8 class files.
set -e
cd "$(dirname "$0")"
for j in old:acme-gen-0.9 lib:org-lib; do
	src=${j%%:*} name=${j#*:}
	out=$(mktemp -d)
	javac --release 8 -nowarn -d "$out" $(find "jarsrc/$src" -name '*.java')
	mkdir -p tree/lib
	(cd "$out" && jar --create --file "$OLDPWD/tree/lib/$name.jar" --no-manifest .)
	rm -rf "$out"
done
