package org.slf4j;

public class LoggerFactory {
    public static Object getLogger(Class<?> c) { return c.getName(); }
}
