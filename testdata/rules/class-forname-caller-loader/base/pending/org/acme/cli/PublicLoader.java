package org.acme.cli;

// A public helper whose only caller in the library is a command line's
// main, handing it one of its arguments.
public class PublicLoader {
    public static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}
