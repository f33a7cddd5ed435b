// jackson-databind 2.14.0, src/main/java/com/fasterxml/jackson/databind/type/TypeFactory.java (Apache-2.0).
// Safe look-alike behind a helper: classForName(String) uses the own
// loader, but its only caller, findClass, calls it after trying the
// configured or the thread context loader: the fallback.
package com.fasterxml.jackson.databind.type;

public class TypeFactory {
    protected final ClassLoader _classLoader = null;

    public ClassLoader getClassLoader() {
        return _classLoader;
    }

    public Class<?> findClass(String className) throws ClassNotFoundException {
        Throwable prob = null;
        ClassLoader loader = this.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        if (loader != null) {
            try {
                return classForName(className, true, loader);
            } catch (Exception e) {
                prob = e;
            }
        }
        try {
            return classForName(className);
        } catch (Exception e) {
            if (prob == null) {
                prob = e;
            }
        }
        throw new ClassNotFoundException(prob.getMessage(), prob);
    }

    protected Class<?> classForName(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    protected Class<?> classForName(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}
