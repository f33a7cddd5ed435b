package com.beust.jcommander;

// The signature of JCommander's JCommander, for compiling the rule fixtures that use it
// (testdata/bytecode/build.sh puts it on their class path, never in the jars).
public class JCommander {
    public void addCommand(String name, Object command) {
    }

    public void parse(String... args) {
    }
}
