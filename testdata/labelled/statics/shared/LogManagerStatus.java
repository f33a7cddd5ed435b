// Apache Log4j 2.19.0, log4j-api/src/main/java/org/apache/logging/log4j/internal/LogManagerStatus.java and
// LogManager.java (Apache 2.0). Safe: a public setter whose only caller, the API's own class initialisation
// code (its static initialiser), passes true: every app that gets there stores the same value, so one app cannot change what another
// sees.
package org.apache.logging.log4j.internal;

public class LogManagerStatus {

    private static boolean initialized = false;

    public static void setInitialized(boolean managerStatus) {
        initialized = managerStatus;
    }

    public static boolean isInitialized() {
        return initialized;
    }
}

class LogManager {
    static {
        LogManagerStatus.setInitialized(true);
    }
}
