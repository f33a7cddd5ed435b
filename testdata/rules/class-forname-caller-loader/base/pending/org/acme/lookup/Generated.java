package org.acme.lookup;

// An engine loading the classes it generated into its own package, by a
// name computed from that package.
class Generated {
    private static final String GEN = Generated.class.getPackage().getName() + ".gen.";

    Object byPackage(String suffix) throws Exception {
        return Class.forName(Generated.class.getPackage().getName() + ".gen." + suffix).newInstance(); // want "class-forname-caller-loader" source:-
    }

    Object byConstant(String suffix) throws Exception {
        return Class.forName(GEN + suffix).newInstance(); // want "class-forname-caller-loader" source:-
    }

    Object nested(String suffix) throws Exception {
        return Class.forName(Generated.class.getName() + "$" + suffix).newInstance(); // want "class-forname-caller-loader" source:-
    }

    // The package of a class the caller hands in: a module's, maybe.
    Object beside(Class<?> anchor, String suffix) throws Exception {
        return Class.forName(anchor.getPackage().getName() + "." + suffix).newInstance(); // want "class-forname-caller-loader"
    }
}
