// logback 1.2.11, logback-core/src/main/java/ch/qos/logback/core/util/Loader.java (EPL-1.0 / LGPL-2.1).
// getClassLoaderOfClass(X.class): the defining loader of the class handed in.
// loadClass(String): safe look-alike, the context loader first (getTCL()),
// Class.forName only under the ignoreTCL switch or as the last resort.
package ch.qos.logback.core.util;

public class Loader {
    private static boolean ignoreTCL = false;

    public static ClassLoader getTCL() {
        return Thread.currentThread().getContextClassLoader();
    }

    public static ClassLoader getClassLoaderOfClass(final Class<?> clazz) {
        ClassLoader cl = clazz.getClassLoader();
        if (cl == null) {
            return ClassLoader.getSystemClassLoader();
        } else {
            return cl;
        }
    }

    public static Class<?> loadClass(String clazz) throws ClassNotFoundException {
        if (ignoreTCL) {
            return Class.forName(clazz);
        } else {
            try {
                return getTCL().loadClass(clazz);
            } catch (Throwable e) {
                return Class.forName(clazz);
            }
        }
    }
}
