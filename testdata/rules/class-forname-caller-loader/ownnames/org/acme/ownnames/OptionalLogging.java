package org.acme.ownnames;

import java.util.Properties;

// Private helpers handed only constant names of another library.
public class OptionalLogging {
    // Every call sits in a try whose catch answers the missing class: an
    // optional feature's probe.
    private static void levels(String className) throws Exception {
        Class.forName(className).getMethod("toLevel", String.class); // want "class-forname-caller-loader:info" source:-
    }

    static void configure() {
        try {
            levels("org.example.log.Level");
        } catch (Exception e) {
            // We don't want to throw here: the JDK's logging is used instead.
        }
    }

    // The absence is not answered: the class is required.
    private static Object required(String className) throws Exception {
        return Class.forName(className).newInstance(); // want "class-forname-caller-loader:hint"
    }

    static Object start() throws Exception {
        return required("org.example.log.Appender");
    }

    // Answered, but the name is read at run time.
    private static Object named(String className) throws Exception {
        return Class.forName(className).newInstance(); // want "class-forname-caller-loader"
    }

    static Object startNamed(Properties p) {
        try {
            return named(p.getProperty("appender.class")); // want "class-forname-caller-loader" bytecode:-
        } catch (Exception e) {
            return null;
        }
    }
}
