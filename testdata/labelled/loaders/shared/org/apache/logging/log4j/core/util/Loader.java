// log4j 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/util/Loader.java (Apache-2.0).
// Safe look-alike behind a helper: loadSystemClass looks its parameter up
// with the system loader, but every caller in the project hands it a
// constant naming a JDK class (OnStartupTriggeringPolicy), which every
// loader resolves alike.
package org.apache.logging.log4j.core.util;

public final class Loader {
    public static Class<?> loadSystemClass(final String className) throws ClassNotFoundException {
        try {
            return Class.forName(className, true, ClassLoader.getSystemClassLoader());
        } catch (final Throwable t) {
            return Class.forName(className);
        }
    }

    private Loader() {
    }
}
