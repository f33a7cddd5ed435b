package fixtures.forname;

import java.security.AccessController;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

/**
 * Lookups by name as libraries write them (c3p0's connection tester, Jetty's
 * and ZooKeeper's factories, BeanShell's class manager, a presence probe).
 */
public class RealShapes {
    public interface ConnectionTester {
    }

    private static ConnectionTester cachedTester;

    // c3p0: a configured class instantiated reflectively.
    static synchronized ConnectionTester tester(String dfltCxnTesterClassName) throws Exception {
        if (cachedTester == null) {
            cachedTester = (ConnectionTester) Class.forName( dfltCxnTesterClassName ).newInstance(); // want "class-forname-caller-loader"
        }
        return cachedTester;
    }

    // ZooKeeper: the name comes from a system property.
    static Object watchManager(String watchManagerName) throws Exception {
        return Class.forName(watchManagerName).getConstructor().newInstance(); // want "class-forname-caller-loader"
    }

    // A loader if one was given, else the caller's: the fallback arm.
    static Class<?> load(ClassLoader loader, String name) throws ClassNotFoundException {
        return loader != null ? loader.loadClass(name) : Class.forName(name); // want "class-forname-caller-loader"
    }

    // Inside an anonymous class: the loader is still the top-level class's.
    static Class<?> privileged(final String className) throws PrivilegedActionException {
        return AccessController.doPrivileged(new PrivilegedExceptionAction<Class<?>>() {
            @Override
            public Class<?> run() throws Exception {
                return Class.forName(className); // want "class-forname-caller-loader"
            }
        });
    }

    // BeanShell's class manager: the own loader's loadClass.
    Class<?> plainClassForName(String name) throws ClassNotFoundException {
        return RealShapes.class.getClassLoader().loadClass( name ); // want "class-forname-caller-loader"
    }

    // The three-argument form with the own loader and initialize=false.
    Class<?> peek(String name) throws ClassNotFoundException {
        return Class.forName(name, false, getClass().getClassLoader()); // want "class-forname-caller-loader"
    }

    // Presence probes for an optional library, whose only use is the
    // ClassNotFoundException: every loader answers alike.
    static boolean jacksonPresent() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, RealShapes.class.getClassLoader()); // want "class-forname-caller-loader:info" source:-
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean slf4jPresent() {
        try {
            Class.forName("org.slf4j.impl.StaticLoggerBinder"); // want "class-forname-caller-loader:info" source:-
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
