package org.acme.lookup;

// Names held in another class's or an interface's constants: the
// library's own classes and the JDK's resolve alike through any loader.
class ConstantNames implements Names {
    Class<?> interfaceConstant() throws ClassNotFoundException {
        return Class.forName(COMPILER);
    }

    Class<?> otherClassConstant() throws ClassNotFoundException {
        return Class.forName(Packages.XML_FACTORY);
    }

    Class<?> constantHead() throws ClassNotFoundException {
        return Class.forName(PACKAGE + "impl.TypeCompiler");
    }

    Class<?> qualifiedHead(String kind) throws ClassNotFoundException {
        return Class.forName(Packages.ROOT + "lookup.impl." + kind);
    }
}
