package org.acme.lookup;

import java.util.Properties;

// Names of JDK classes, however the lookup receives them, resolve the
// same through every loader, the system loader included.
class JdkNames {
    static final String PLATFORM_FACTORY = "com.sun.xml.internal.bind.v2.ContextFactory";
    private static final String[] FACTORIES = {PLATFORM_FACTORY, "com.sun.xml.bind.v2.ContextFactory"};
    private static final String[] PLUGINS = System.getProperty("plugins", "").split(",");

    // One JDK name or another.
    static Class<?> either(boolean internal) throws ClassNotFoundException {
        return Class.forName(internal ? "com.sun.xml.internal.bind.v2.ContextFactory" : "com.sun.xml.bind.v2.ContextFactory", // want "class-forname-caller-loader" source:-
                true, ClassLoader.getSystemClassLoader());
    }

    // A JDK name or a configured one: the configured one may be a module's.
    static Class<?> eitherConfigured(boolean internal, Properties p) throws ClassNotFoundException {
        return Class.forName(internal ? PLATFORM_FACTORY : p.getProperty("factory"), // want "class-forname-caller-loader"
                true, ClassLoader.getSystemClassLoader());
    }

    // A loop over a constant array of JDK names.
    static Object first() throws Exception {
        for (String f : FACTORIES) {
            try {
                return Class.forName(f, true, ClassLoader.getSystemClassLoader()).newInstance(); // want "class-forname-caller-loader" source:-
            } catch (ClassNotFoundException e) {
                // the next one
            }
        }
        return null;
    }

    // A loop over names read from a system property.
    static void plugins() throws Exception {
        for (String f : PLUGINS) {
            Class.forName(f, true, ClassLoader.getSystemClassLoader()).newInstance(); // want "class-forname-caller-loader"
        }
    }

    // The own lookup only for the default, a JDK class the callers name.
    static Class<?> safeLoad(String className, String defaultImpl, ClassLoader loader) throws ClassNotFoundException {
        if (defaultImpl != null && defaultImpl.equals(className)) {
            return Class.forName(className); // want "class-forname-caller-loader" source:-
        }
        return loader.loadClass(className);
    }

    // The own lookup only for a name equal to one a caller hands in at
    // run time.
    static Class<?> sameAs(String className, String expected, ClassLoader loader) throws ClassNotFoundException {
        if (className.equals(expected)) {
            return Class.forName(className); // want "class-forname-caller-loader:medium"
        }
        return loader.loadClass(className);
    }
}

class JdkNamesUse {
    Class<?> use(String name, ClassLoader cl, Properties p) throws ClassNotFoundException {
        Class<?> b = JdkNames.sameAs(name, p.getProperty("expected"), cl);
        Class<?> a = JdkNames.safeLoad(name, JdkNames.PLATFORM_FACTORY, cl);
        return a != null ? a : b;
    }
}
