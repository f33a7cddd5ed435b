package org.acme.gen;

// A loader of generated rule classes, handed the class name: every caller
// names one of the library's own generated classes, a prefix in its own
// package followed by a number computed at run time.
public class Rules {
    public static Object load(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance();
    }

    static Object rule(int n) throws Exception {
        return load("org.acme.gen.compiled.Rule" + Integer.toString(n));
    }

    static Object table(String kind) throws Exception {
        return load(GenNames.GEN_PREFIX + kind.toUpperCase());
    }
}
