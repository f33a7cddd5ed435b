package com.acme.lib;

public class PluginLoader {
    public static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}
