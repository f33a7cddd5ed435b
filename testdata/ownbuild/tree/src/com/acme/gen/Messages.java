package com.acme.gen;

// This release only prints: the jar in lib/ is an older build.
public class Messages {
    public static void hardErr(String msg) {
        System.err.println(msg);
    }
}
