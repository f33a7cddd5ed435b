package org.acme.util;

// A public helper of another package whose only caller in the library is
// a command line's main, handing it one of its arguments.
public final class Reflection {
    private Reflection() {
    }

    public static Object newInstance(String name) throws Exception {
        return Class.forName(name).getDeclaredConstructor().newInstance();
    }
}
