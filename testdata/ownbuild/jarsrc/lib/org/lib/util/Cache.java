package org.lib.util;

public class Cache {
    public static void shutdown() {
        System.exit(4);
    }
}
