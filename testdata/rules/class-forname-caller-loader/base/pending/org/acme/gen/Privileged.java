package org.acme.gen;

import java.security.AccessController;
import java.security.PrivilegedExceptionAction;
import java.util.Properties;

// Class lookups inside privileged actions, by a parameter of the method
// around the anonymous class.
class Privileged {
    // Every caller names one of the library's own classes.
    static Class<?> load(final String className) throws Exception {
        return AccessController.doPrivileged(new PrivilegedExceptionAction<Class<?>>() {
            public Class<?> run() throws Exception {
                return Class.forName(className); // want "class-forname-caller-loader" source:-
            }
        });
    }

    Class<?> compiled() throws Exception {
        return load("org.acme.gen.compiled." + "Main");
    }

    // One caller reads the name from configuration.
    static Class<?> configured(final String className) throws Exception {
        return AccessController.doPrivileged(new PrivilegedExceptionAction<Class<?>>() {
            public Class<?> run() throws Exception {
                return Class.forName(className); // want "class-forname-caller-loader"
            }
        });
    }

    Class<?> fromConfig(Properties p) throws Exception {
        return configured("org.acme.gen.compiled.Main") == null ? null : configured(p.getProperty("main.class"));
    }
}
