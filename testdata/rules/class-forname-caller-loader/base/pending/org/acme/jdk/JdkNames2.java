package org.acme.jdk;

// More shapes of JDK classes through the system loader: a loader held in
// a field, names from an array of JDK classes, a helper handed JDK
// constants of another class.
class JdkNames2 {
    private static final ClassLoader SYSTEM = ClassLoader.getSystemClassLoader();
    private static final String[] PROVIDERS = {"com.sun.xml.internal.messaging.saaj.soap.SAAJMetaFactoryImpl",
        "com.sun.xml.messaging.saaj.soap.SAAJMetaFactoryImpl"};

    Class<?> field() throws ClassNotFoundException {
        return SYSTEM.loadClass("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }

    Class<?> loop() {
        for (String p : PROVIDERS) {
            try {
                return ClassLoader.getSystemClassLoader().loadClass(p); // want "class-forname-caller-loader" source:-
            } catch (ClassNotFoundException e) {
                // the next
            }
        }
        return null;
    }

    Class<?> concat() throws ClassNotFoundException {
        return ClassLoader.getSystemClassLoader().loadClass(JdkConstants.INTERNAL + "bind.v2.ContextFactory");
    }

    Class<?> viaLoader() throws ClassNotFoundException {
        return JdkLoader.load(JdkConstants.STAX);
    }
}

class JdkConstants {
    static final String INTERNAL = "com.sun.xml.internal.";
    static final String STAX = "com.sun.xml.internal.stream.XMLInputFactoryImpl";
}

class JdkLoader {
    static Class<?> load(String name) throws ClassNotFoundException {
        return ClassLoader.getSystemClassLoader().loadClass(name); // want "class-forname-caller-loader" source:-
    }
}
