package com.acme.gen;

public class Parser {
    static java.util.List<String> seen = new java.util.ArrayList<>();

    public static void note(String s) {
        seen.add(s);
    }
}
