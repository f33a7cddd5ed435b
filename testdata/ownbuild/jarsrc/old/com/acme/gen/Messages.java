package com.acme.gen;

// An earlier release: hardErr ended the JVM.
public class Messages {
    public static void hardErr(String msg) {
        System.err.println(msg);
        System.exit(1);
    }
}
