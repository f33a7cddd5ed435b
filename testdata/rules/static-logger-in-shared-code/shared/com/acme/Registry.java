package com.acme;

public class Registry {
    // a project method named getLogger is not a logging factory
    private static final Object LOG = Registry.getLogger("x");

    static Object getLogger(String name) {
        return name;
    }
}
