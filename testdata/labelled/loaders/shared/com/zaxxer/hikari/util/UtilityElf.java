// hikaricp 2.7.9, src/main/java/com/zaxxer/hikari/util/UtilityElf.java (Apache-2.0).
// Hazard behind a helper: createInstance loads the configured class name with
// its own loader; PoolBase hands it the DataSource class of the configuration
// through a static import. safeIsAssignableFrom's callers all pass constants of
// optional metrics libraries, and its catch answers their absence (false): a
// presence probe of optional features, which fails nothing.
package com.zaxxer.hikari.util;

public final class UtilityElf {
    public static boolean safeIsAssignableFrom(Object obj, String className) {
        try {
            Class<?> clazz = Class.forName(className);
            return clazz.isAssignableFrom(obj.getClass());
        } catch (ClassNotFoundException ignored) {
            return false;
        }
    }

    public static <T> T createInstance(final String className, final Class<T> clazz, final Object... args) {
        if (className == null) {
            return null;
        }
        try {
            Class<?> loaded = UtilityElf.class.getClassLoader().loadClass(className); // want "class-forname-caller-loader"
            return clazz.cast(loaded.newInstance());
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
