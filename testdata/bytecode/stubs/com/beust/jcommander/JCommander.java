package com.beust.jcommander;

public class JCommander {
    public void addCommand(String name, Object command) {
    }

    public void parse(String... args) {
    }
}
