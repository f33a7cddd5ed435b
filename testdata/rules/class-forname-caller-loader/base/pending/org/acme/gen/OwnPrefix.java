package org.acme.gen;

// Names built from a prefix naming the library's own package and a
// computed suffix: its own precompiled or generated classes, which its own
// loader sees.
class OwnPrefix implements GenNames {
    private static final String TRANSLETS = "org.acme.gen.translets.";
    private static final String PKG = "org.acme.gen.precompiled";
    private static final String HEAD = GEN_PREFIX;

    Class<?> literalHead(String suffix) throws ClassNotFoundException {
        return Class.forName("org.acme.gen.impl." + suffix);
    }

    Class<?> constantHead(String name) throws ClassNotFoundException {
        return Class.forName(TRANSLETS + name);
    }

    Class<?> packageWithoutDot(String name) throws ClassNotFoundException {
        return Class.forName(PKG + "." + name);
    }

    Class<?> interfaceHead(String name) throws ClassNotFoundException {
        return Class.forName(GEN_PREFIX + name);
    }

    Class<?> interfacePackage(String name) throws ClassNotFoundException {
        return Class.forName(GEN_PACKAGE + '.' + name);
    }

    Class<?> qualifiedInterfaceHead(String name) throws ClassNotFoundException {
        return Class.forName(GenNames.GEN_PACKAGE + "." + name);
    }

    Class<?> fieldFromConstant(String name) throws ClassNotFoundException {
        return Class.forName(HEAD + name);
    }

    Class<?> localPrefix(String name) throws ClassNotFoundException {
        String prefix = GEN_PACKAGE + ".";
        String className = prefix + name;
        return Class.forName(className);
    }

    Class<?> builder(String name) throws ClassNotFoundException {
        return OwnPrefix.class.getClassLoader().loadClass(TRANSLETS + name);
    }

    Class<?> nestedOfOwn(String name) throws ClassNotFoundException {
        return Class.forName(OwnPrefix.class.getName() + "$" + name);
    }
}
