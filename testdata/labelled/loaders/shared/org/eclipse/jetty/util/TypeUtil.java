// jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/TypeUtil.java (Apache-2.0 / EPL-1.0).
// Safe look-alike: the class is in TypeUtil's own package, named through
// TypeUtil.class.getPackage().getName(), which its own loader sees.
package org.eclipse.jetty.util;

public class TypeUtil {
    private static Object moduleLocation() {
        try {
            Class<?> clazzModuleLocation = TypeUtil.class.getClassLoader().loadClass(TypeUtil.class.getPackage().getName() + ".ModuleLocation");
            return clazzModuleLocation.getConstructor().newInstance();
        } catch (Throwable t) {
            return null;
        }
    }
}
