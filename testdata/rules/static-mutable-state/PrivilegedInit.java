package fixtures.state.privileged;

import java.security.AccessController;
import java.security.PrivilegedAction;

// A vendor implementation chosen once, while the class initialises, inside
// a privileged action the static initialiser runs: doPrivileged runs the
// action before it returns. A reload through another privileged action, at
// run time, is a write every app shares.
public class PrivilegedInit {
    public static class Delegate {
        static String name = null; // want "static-mutable-state" source:-
        static Class configured = null; // want "static-mutable-state" source:-
        static Class implementation = null; // want "static-mutable-state"

        static Class current() {
            return implementation;
        }

        static {
            AccessController.doPrivileged(new PrivilegedAction() {
                public Object run() {
                    name = PrivilegedInit.class.getName() + "Impl";
                    configured = vendorClass(name);
                    implementation = configured;
                    return null;
                }
            });
        }

        private static Class vendorClass(String name) {
            return name.endsWith("Impl") ? Delegate.class : null;
        }

        public static void reload(final String vendor) {
            AccessController.doPrivileged(new PrivilegedAction() {
                public Object run() {
                    try {
                        implementation = Class.forName(vendor); // want "class-forname-caller-loader:hint"
                    } catch (ClassNotFoundException e) {
                        implementation = null;
                    }
                    return null;
                }
            });
        }
    }
}
