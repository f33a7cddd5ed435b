package org.apache.commons.cli;

public class Options {
    public Options addOption(String opt, boolean hasArg, String description) {
        return this;
    }
}
