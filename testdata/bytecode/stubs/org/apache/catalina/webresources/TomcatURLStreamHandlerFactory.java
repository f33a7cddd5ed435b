package org.apache.catalina.webresources;

public class TomcatURLStreamHandlerFactory {
    public static TomcatURLStreamHandlerFactory getInstance() { return null; }
    public static void disable() { }
    public static boolean register() { return false; }
}
