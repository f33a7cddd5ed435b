// logback 1.2.11, logback-classic/src/main/java/ch/qos/logback/classic/util/EnvUtil.java (EPL-1.0 / LGPL-2.1).
// Safe look-alike: a presence probe for Groovy through the library's own
// loader, whose only use is the ClassNotFoundException.
package ch.qos.logback.classic.util;

import ch.qos.logback.core.util.Loader;

public class EnvUtil {
    static public boolean isGroovyAvailable() {
        ClassLoader classLoader = Loader.getClassLoaderOfClass(EnvUtil.class);
        try {
            Class<?> bindingClass = classLoader.loadClass("groovy.lang.Binding");
            return (bindingClass != null);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
