package org.acme.lookup;

// Names chosen among constants: a local assigned in branches, a loop over
// an array of literals, a method of the class returning constants. Each
// names a class of the project or the JDK. Where one choice comes from
// outside, the lookup stays a finding.
class Choices {
    static final boolean FAST = Boolean.getBoolean("fast");
    static final String DEFAULT = "org.acme.lookup.impl.DefaultCompiler";

    static String chooseName() {
        if (FAST) {
            return "org.acme.lookup.impl.FastCompiler";
        }
        return DEFAULT;
    }

    Class<?> branches() throws ClassNotFoundException {
        String className;
        if (FAST) {
            className = "org.acme.lookup.impl.FastCompiler";
        } else {
            className = "java.util.ArrayList";
        }
        return Class.forName(className); // want "class-forname-caller-loader" source:-
    }

    void loop() throws Exception {
        for (String c : new String[] {
                "org.acme.lookup.impl.FastCompiler",
                "org.acme.lookup.impl.DefaultCompiler"
        }) {
            Class.forName(c).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader" source:-
        }
    }

    Class<?> chosen() throws ClassNotFoundException {
        String className = chooseName();
        return Class.forName(className); // want "class-forname-caller-loader" source:-
    }

    Class<?> oneFromOutside() throws ClassNotFoundException {
        String className;
        if (FAST) {
            className = "org.acme.lookup.impl.FastCompiler";
        } else {
            className = System.getProperty("compiler");
        }
        return Class.forName(className); // want "class-forname-caller-loader"
    }
}

class Registry {
    static {
        for (String c : new String[] {"org.acme.lookup.impl.DiskStore", "org.acme.lookup.impl.MemStore"}) {
            try {
                Class.forName(c).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader" source:-
            } catch (Exception e) {
                // not on the class path
            }
        }
    }
}
