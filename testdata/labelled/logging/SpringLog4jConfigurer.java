// Spring Framework 4.3.30, spring-core/src/main/java/org/springframework/util/Log4jConfigurer.java
// (Apache License 2.0). shutdownLogging() is a helper around log4j 1's
// LogManager.shutdown(): a caller of the framework's stop API, which shuts
// down the one hierarchy every app of the loader that holds log4j shares.
// setWorkingDirSystemProperty writes a JVM-wide property.
package org.springframework.util;

import java.io.File;
import org.apache.log4j.LogManager;

public abstract class Log4jConfigurer {
    public static void shutdownLogging() {
        LogManager.shutdown(); // want "logging-context-reset"
    }

    public static void setWorkingDirSystemProperty(String key) {
        System.setProperty(key, new File("").getAbsolutePath()); // want "system-property-mutation"
    }
}
