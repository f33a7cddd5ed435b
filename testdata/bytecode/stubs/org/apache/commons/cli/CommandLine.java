package org.apache.commons.cli;

// The signature of Commons CLI's CommandLine, for compiling the rule fixtures that use it
// (testdata/bytecode/build.sh puts it on their class path, never in the jars).
public class CommandLine {
    public boolean hasOption(String opt) {
        return false;
    }

    public String getOptionValue(String opt) {
        return null;
    }
}
