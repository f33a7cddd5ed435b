// netty 4.1.48, common/src/main/java/io/netty/util/ResourceLeakDetector.java (Apache License 2.0),
// trimmed. Hazard: a public static setter changes the detection level for every app that shares
// the netty on the base's class path; the last module to call setLevel wins.
package io.netty.util;

public class ResourceLeakDetector<T> {
    public enum Level {
        DISABLED, SIMPLE, ADVANCED, PARANOID
    }

    private static Level level; // want "static-mutable-state"

    public static void setLevel(Level level) {
        ResourceLeakDetector.level = level;
    }

    public static Level getLevel() {
        return level;
    }
}
