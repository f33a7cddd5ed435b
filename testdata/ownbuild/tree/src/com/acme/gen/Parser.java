package com.acme.gen;

public class Parser {
    public static String name() {
        return "Parser";
    }
}
