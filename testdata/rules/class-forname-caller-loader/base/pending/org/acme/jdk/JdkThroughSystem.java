package org.acme.jdk;

// Classes of the JDK looked up through the system loader or the own one:
// the JDK's classes are visible from every loader.
class JdkThroughSystem {
    private static final String JAXB_FACTORY = "com.sun.xml.internal.bind.v2.ContextFactory";
    private static final String XERCES = "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl";

    Class<?> internalJaxb() throws ClassNotFoundException {
        return ClassLoader.getSystemClassLoader().loadClass("com.sun.xml.internal.bind.v2.ContextFactory");
    }

    Class<?> heldLoader() throws ClassNotFoundException {
        ClassLoader sys = ClassLoader.getSystemClassLoader();
        return sys.loadClass(XERCES);
    }

    Class<?> ownLoaderLocal() throws ClassNotFoundException {
        ClassLoader own = JdkThroughSystem.class.getClassLoader();
        return own.loadClass(JAXB_FACTORY);
    }

    Class<?> withForName() throws ClassNotFoundException {
        return Class.forName("jdk.internal.misc.Unsafe", false, ClassLoader.getSystemClassLoader());
    }

    Class<?> ternary(boolean internal) throws ClassNotFoundException {
        String name = internal ? "com.sun.xml.internal.ws.spi.ProviderImpl" : "javax.xml.ws.spi.Provider";
        return ClassLoader.getSystemClassLoader().loadClass(name); // want "class-forname-caller-loader" source:-
    }

    Class<?> viaHelper() throws ClassNotFoundException {
        return system().loadClass("sun.misc.Unsafe");
    }

    Class<?> viaHelperConstant() throws ClassNotFoundException {
        return system().loadClass(JAXB_FACTORY);
    }

    private static ClassLoader system() {
        return ClassLoader.getSystemClassLoader();
    }

    // A module's class through the system loader stays a hazard.
    Class<?> configured(String name) throws ClassNotFoundException {
        return ClassLoader.getSystemClassLoader().loadClass(name); // want "class-forname-caller-loader"
    }
}
