package org.app;

public class App {
    public static void run() {
        org.other.db.Engine.start();
    }
}
