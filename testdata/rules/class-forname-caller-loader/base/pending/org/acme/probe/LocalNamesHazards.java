package org.acme.probe;

import java.lang.reflect.Method;
import java.util.Properties;

// The same helper where one caller's local is also assigned a configured
// name.
class LocalNamesHazards {
    private static Class<?> type(String className) throws ClassNotFoundException {
        return LocalNamesHazards.class.getClassLoader().loadClass(className); // want "class-forname-caller-loader"
    }

    private static Method method(String className, String name) throws Exception {
        return type(className).getDeclaredMethod(name);
    }

    static Method configured(Properties p) throws Exception {
        String className = "org.acme.probe.impl.Context";
        if (p.containsKey("context")) {
            className = p.getProperty("context");
        }
        return method(className, "current");
    }
}
