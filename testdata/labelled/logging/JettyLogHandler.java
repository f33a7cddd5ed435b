// Jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/log/JettyLogHandler.java
// (Apache License 2.0 / EPL 1.0), config(): a public helper that reloads
// the one java.util.logging configuration of the JVM from the context
// loader's logging.properties and sets commons-logging's implementation
// JVM-wide: both change every app in the process.
package org.eclipse.jetty.util.log;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.logging.LogManager;

public class JettyLogHandler extends java.util.logging.Handler {
    public static void config() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        URL url = cl.getResource("logging.properties");
        if (url != null) {
            try (InputStream in = url.openStream()) {
                LogManager.getLogManager().readConfiguration(in); // want "jvm-global-default-mutation"
            } catch (IOException e) {
            }
        }
        System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.Jdk14Logger"); // want "system-property-mutation"
    }

    public void publish(java.util.logging.LogRecord record) {
    }

    public void flush() {
    }

    public void close() {
    }
}
