package org.apache.commons.cli;

// The signature of Commons CLI's Options, for compiling the rule fixtures that use it
// (testdata/bytecode/build.sh puts it on their class path, never in the jars).
public class Options {
    public Options addOption(String opt, boolean hasArg, String description) {
        return this;
    }
}
