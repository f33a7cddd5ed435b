package org.acme.lookup;

// Names of another library's classes, all constants: presence probes,
// rated like a literal name (info), not a configured name; one whose
// absence a catch answers (a fallback prefix) fails nothing.
class ServerProbes {
    private static final String NEW_PREFIX = "com.example.server.jdbc.";
    private static final String OLD_PREFIX = "com.example.legacy.jdbc.";

    private Class<?> wrapped;

    ServerProbes() {
        String prefix = NEW_PREFIX;
        try {
            this.wrapped = getClass().getClassLoader().loadClass(prefix + "WrappedConnection"); // want "class-forname-caller-loader:info" source:-
        } catch (ClassNotFoundException e) {
            prefix = OLD_PREFIX;
        }
    }

    private static Class<?> type(String className) throws ClassNotFoundException {
        return ServerProbes.class.getClassLoader().loadClass(className); // want "class-forname-caller-loader:info"
    }

    Object socket() throws Exception {
        return type("com.example.server.Socket").getDeclaredConstructor().newInstance();
    }

    Object muxer() throws Exception {
        return type("com.example.server.Muxer").getDeclaredConstructor().newInstance();
    }
}
