package com.acme.gen;

public class Options {
    public static String name() {
        return "Options";
    }
}
