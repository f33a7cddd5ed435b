package org.apache.commons.cli;

// The signature of Commons CLI's DefaultParser, for compiling the rule fixtures that use it
// (testdata/bytecode/build.sh puts it on their class path, never in the jars).
public class DefaultParser {
    public CommandLine parse(Options options, String[] arguments) throws ParseException {
        return null;
    }
}
