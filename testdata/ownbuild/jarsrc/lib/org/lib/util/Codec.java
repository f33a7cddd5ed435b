package org.lib.util;

public class Codec {
    public static void shutdown() {
        System.exit(4);
    }
}
