package org.lib;

// The tree's patch of the library's class.
public class Patched {
    public static void fail() {
        throw new IllegalStateException("failed");
    }
}
