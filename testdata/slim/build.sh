#!/bin/sh
# Rebuilds the slimming samples from src/: small jars shaped like the real
# artifacts (real coordinates and packages, pom.properties, tiny classes),
# a base fat jar (BOOT-INF/lib) and ark-biz jars (lib/, Ark-Biz-Name).
# Needs javac and jar (JDK 8+). Run from anywhere: sh testdata/slim/build.sh
set -eu
cd "$(dirname "$0")"
out=jars
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out"

# lib GROUP ARTIFACT VERSION SRC_DIR [PAD_KB]: one library jar.
lib() {
  g=$1 a=$2 v=$3 src=$4 pad=${5:-0}
  d=$work/lib-$a-$v
  mkdir -p "$d/classes/META-INF/maven/$g/$a"
  javac -nowarn --release 8 -d "$d/classes" -cp "$work/cp" $(find "src/$src" -name '*.java') 2>/dev/null ||
    javac -nowarn -source 8 -target 8 -d "$d/classes" -cp "$work/cp" $(find "src/$src" -name '*.java')
  printf 'groupId=%s\nartifactId=%s\nversion=%s\n' "$g" "$a" "$v" > "$d/classes/META-INF/maven/$g/$a/pom.properties"
  if [ "$pad" -gt 0 ]; then
    # padding, stored uncompressed, so sizes have the real artifact's order
    # (zeros: the repository's own compression keeps the file small)
    head -c $((pad * 1024)) /dev/zero > "$d/classes/META-INF/$a.dat"
  fi
  (cd "$d/classes" && jar cf0 "$d/$a-$v.jar" .)
  mkdir -p "$work/cp" && (cd "$work/cp" && jar xf "$d/$a-$v.jar")
  cp "$d/$a-$v.jar" "$work/$a-$v.jar"
}

lib com.alipay.sofa.koupleless koupleless-base-starter 1.2.3 koupleless-base-starter 4
lib org.apache.commons commons-lang3 3.12.0 commons-lang3 580
lib com.fasterxml.jackson.core jackson-databind 2.13.5 jackson-databind-2.13 1500
lib org.slf4j slf4j-api 1.7.36 slf4j-api 40
lib com.google.guava guava 31.1-jre guava 2900
# built against, never in the base:
lib org.apache.httpcomponents httpclient 4.5.13 httpclient 760
lib com.fasterxml.jackson.core jackson-databind 2.15.2 jackson-databind-2.15 1600
lib com.acme own-lib 2.0.0 own-lib 12

# base fat jar
b=$work/base
mkdir -p "$b/BOOT-INF/classes" "$b/BOOT-INF/lib" "$b/META-INF"
javac -nowarn -source 8 -target 8 -d "$b/BOOT-INF/classes" -cp "$work/cp" $(find src/base-app -name '*.java') 2>/dev/null
for j in koupleless-base-starter-1.2.3 commons-lang3-3.12.0 jackson-databind-2.13.5 slf4j-api-1.7.36 guava-31.1-jre; do
  cp "$work/$j.jar" "$b/BOOT-INF/lib/"
done
printf 'Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\nStart-Class: com.acme.base.BaseApp\n' > "$work/base.mf"
(cd "$b" && jar cfm0 "$OLDPWD/$out/base-app.jar" "$work/base.mf" BOOT-INF)

# biz BIZ POMFILE LIBS...: an ark-biz with the module's classes at the root.
biz() {
  name=$1 pom=$2; shift 2
  z=$work/biz-$name
  rm -rf "$z"; mkdir -p "$z/lib" "$z/META-INF/maven/com.acme/$name" "$z/com/alipay/sofa/ark/biz"
  javac -nowarn -source 8 -target 8 -d "$z" -cp "$work/cp" $(find "src/$name" -name '*.java') 2>/dev/null
  cp "$pom" "$z/META-INF/maven/com.acme/$name/pom.xml"
  : > "$z/com/alipay/sofa/ark/biz/mark"
  for j in "$@"; do cp "$work/$j.jar" "$z/lib/"; done
  printf 'Manifest-Version: 1.0\nArk-Biz-Name: %s\nArk-Biz-Version: 1.0.0\n' "$name" > "$work/$name.mf"
  (cd "$z" && jar cfm0 "$OLDPWD/$out/$name-1.0.0-ark-biz.jar" "$work/$name.mf" .)
}

# wildcard excludes: org.apache* also removes httpclient, which the base
# lacks; com.fasterxml* leaves jackson-databind 2.15.2 to the base's 2.13.5;
# guava and slf4j are packaged though the base has the same versions.
biz biz-wildcard src/biz-wildcard/pom.xml guava-31.1-jre slf4j-api-1.7.36 own-lib-2.0.0
# a clean module: everything it leaves out, the base has.
biz biz-clean src/biz-clean/pom.xml own-lib-2.0.0
ls -l "$out"
