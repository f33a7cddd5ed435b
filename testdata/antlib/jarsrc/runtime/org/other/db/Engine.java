package org.other.db;

// A runtime library that also ships Ant tasks: no build file loads them here.
public class Engine {
    public static void start() {
        System.setProperty("db.started", "true");
    }
}
