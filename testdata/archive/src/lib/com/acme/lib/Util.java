package com.acme.lib;

/** A library class: shared when it sits in a base's BOOT-INF/lib. */
public final class Util {
    private static final java.util.Map<String, Object> CACHE = new java.util.HashMap<>();

    private Util() {}

    public static Object get(String key) {
        return CACHE.get(key);
    }
}
