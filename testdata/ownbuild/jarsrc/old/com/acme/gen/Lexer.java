package com.acme.gen;

public class Lexer {
    static java.util.List<String> seen = new java.util.ArrayList<>();

    public static void note(String s) {
        seen.add(s);
    }
}
