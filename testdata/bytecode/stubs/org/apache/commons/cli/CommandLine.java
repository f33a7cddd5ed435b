package org.apache.commons.cli;

public class CommandLine {
    public boolean hasOption(String opt) {
        return false;
    }

    public String getOptionValue(String opt) {
        return null;
    }
}
