package org.slf4j.bridge;

public class SLF4JBridgeHandler extends java.util.logging.Handler {
    public static void removeHandlersForRootLogger() {
    }

    public static void install() {
    }

    public void publish(java.util.logging.LogRecord r) {
    }

    public void flush() {
    }

    public void close() {
    }
}
