package org.acme.ownnames;

import java.security.AccessController;
import java.security.PrivilegedAction;

// A lookup helper reached through a privileged action whose run() hands
// on a parameter of the method around it: that method's callers decide.
public class Facade {
    static Object create(String className) throws Exception {
        return Class.forName(className).getName(); // want "class-forname-caller-loader" source:-
    }

    public static Object find(final String factoryInterface) {
        return AccessController.doPrivileged(new PrivilegedAction<Object>() {
            public Object run() {
                try {
                    return create(factoryInterface);
                } catch (Exception e) {
                    return null;
                }
            }
        });
    }

    // A caller in the file, so that the file scanned alone agrees.
    static Object defaults() {
        return find("org.acme.ownnames.Facade");
    }

    // The same shape, where one caller passes a name read at run time.
    static Object open(String className) throws Exception {
        return Class.forName(className).getName(); // want "class-forname-caller-loader"
    }

    public static Object boot(final String factoryInterface) {
        return AccessController.doPrivileged(new PrivilegedAction<Object>() {
            public Object run() {
                try {
                    return open(factoryInterface); // want "class-forname-caller-loader" bytecode:-
                } catch (Exception e) {
                    return null;
                }
            }
        });
    }

    // A local of run() shadows nothing of boot's: the name is run()'s own.
    public static Object shadow(final String factoryInterface) {
        return AccessController.doPrivileged(new PrivilegedAction<Object>() {
            public Object run() {
                String factoryInterface = System.getProperty("store.module");
                try {
                    return open(factoryInterface); // want "class-forname-caller-loader" bytecode:-
                } catch (Exception e) {
                    return null;
                }
            }
        });
    }

    // A field of the anonymous class shadows fielded's parameter: the name
    // is read at run time, whatever fielded's callers pass.
    static Object make(String className) throws Exception {
        return Class.forName(className).getName(); // want "class-forname-caller-loader"
    }

    public static Object fielded(final String factoryInterface) {
        return AccessController.doPrivileged(new PrivilegedAction<Object>() {
            final String factoryInterface = System.getProperty("store.module");

            public Object run() {
                try {
                    return make(factoryInterface); // want "class-forname-caller-loader" bytecode:-
                } catch (Exception e) {
                    return null;
                }
            }
        });
    }
}
