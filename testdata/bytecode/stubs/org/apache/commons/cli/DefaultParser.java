package org.apache.commons.cli;

public class DefaultParser {
    public CommandLine parse(Options options, String[] arguments) throws ParseException {
        return null;
    }
}
