package org.acme.probe;

import java.lang.reflect.Method;

// A private lookup helper whose callers hand it a local assigned only
// literals naming the library's own classes: fixed names.
class LocalNames {
    private static Class<?> type(String className) throws ClassNotFoundException {
        return LocalNames.class.getClassLoader().loadClass(className); // want "class-forname-caller-loader" source:-
    }

    private static Method method(String className, String name) throws Exception {
        return type(className).getDeclaredMethod(name);
    }

    static class Helper {
        private final Method first;
        private final Method second;

        Helper() throws Exception {
            String className = "org.acme.probe.impl.Context";
            first = method(className, "current");
            className = "org.acme.probe.impl.Security";
            second = method(className, "user");
        }
    }
}
