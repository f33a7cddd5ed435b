package org.lib.util;

public class Pool {
    public static void shutdown() {
        System.exit(4);
    }
}
