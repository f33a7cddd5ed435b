package org.lib;

// The library's class the tree patches with its own source.
public class Patched {
    public static void fail() {
        System.exit(3);
    }
}
