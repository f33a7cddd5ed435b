package com.acme.gen;

public class Printer {
    public static String name() {
        return "Printer";
    }
}
