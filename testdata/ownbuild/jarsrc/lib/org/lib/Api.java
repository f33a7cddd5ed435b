package org.lib;

public class Api {
    public static void start() {
    }
}
