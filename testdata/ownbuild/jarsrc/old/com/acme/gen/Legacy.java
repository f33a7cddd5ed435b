package com.acme.gen;

// A class the sources no longer have.
public class Legacy {
    public static void quit() {
        System.exit(2);
    }
}
