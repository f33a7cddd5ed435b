package fixtures.ctxfirst;

import java.io.InputStream;
import java.net.URL;

// The own loader, the system loader only when the own one is null (the
// bootstrap loader, which a library in a shared JVM never has).
public class OwnOrSystem {
    // A constant name of the library's own package: safe.
    InputStream defaults() {
        ClassLoader cl = getClass().getClassLoader();
        if (cl == null) {
            cl = ClassLoader.getSystemClassLoader();
        }
        return cl.getResourceAsStream("fixtures/ctxfirst/defaults.properties");
    }

    // A braceless else.
    static URL own() {
        ClassLoader cl = OwnOrSystem.class.getClassLoader();
        URL u;
        if (cl != null) u = cl.getResource("fixtures/ctxfirst/own.txt");
        else u = ClassLoader.getSystemResource("fixtures/ctxfirst/own.txt");
        return u;
    }

    // null written first.
    static URL nullFirst() {
        ClassLoader cl = OwnOrSystem.class.getClassLoader();
        if (null == cl) return ClassLoader.getSystemResource("fixtures/ctxfirst/own.txt");
        return cl.getResource("fixtures/ctxfirst/own.txt");
    }

    static InputStream nullFirstBlock() {
        ClassLoader cl = OwnOrSystem.class.getClassLoader();
        if (null == cl) {
            return ClassLoader.getSystemResourceAsStream("fixtures/ctxfirst/own.txt");
        }
        return cl.getResourceAsStream("fixtures/ctxfirst/own.txt");
    }

    // A run-time name: one finding, the own loader's.
    static InputStream named(String name) {
        ClassLoader cl = OwnOrSystem.class.getClassLoader();
        if (cl == null) {
            cl = ClassLoader.getSystemClassLoader();
        }
        return cl.getResourceAsStream(name);
    }

    static InputStream namedElse(String name) {
        ClassLoader cl = OwnOrSystem.class.getClassLoader();
        InputStream in;
        if (cl != null) in = cl.getResourceAsStream(name); // want "own-classloader-lookup"
        else in = ClassLoader.getSystemResourceAsStream(name);
        return in;
    }

    // The system loader alone stays a finding.
    static URL system(String name) {
        return ClassLoader.getSystemResource(name); // want "resource-lookup-own-loader"
    }
}
