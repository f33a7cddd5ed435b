package org.acme.lookup;

// A helper that loads the class its parameter names: every caller of
// newInstance passes a constant of the project or the JDK; create has a
// caller with a configured name.
final class Reflect {
    static Object newInstance(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance();
    }

    static Object create(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader"
    }

    private Reflect() {
    }
}
