package org.apache.commons.cli;

// The signature of Commons CLI's ParseException, for compiling the rule fixtures that use it
// (testdata/bytecode/build.sh puts it on their class path, never in the jars).
public class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }
}
