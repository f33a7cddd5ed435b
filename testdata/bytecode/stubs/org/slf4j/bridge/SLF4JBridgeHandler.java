// Compile-time signatures only (see ../../../../build.sh): jul-to-slf4j's
// bridge, which the logging-context-reset fixtures call; the bodies are
// empty because the fixture jars never contain or run this class.
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
