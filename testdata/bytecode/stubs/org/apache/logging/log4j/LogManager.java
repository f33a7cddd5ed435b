package org.apache.logging.log4j;

public class LogManager {
    public static Logger getLogger(Class<?> type) { return null; }
    public static void shutdown() { }
}
