package com.acme.gen;

public class Lexer {
    public static String name() {
        return "Lexer";
    }
}
