package org.lib.util;

public class Tables {
    public static void shutdown() {
        System.exit(4);
    }
}
