package org.acme.lookup;

import java.util.Properties;

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

class ReflectUsers {
    Object compiler() throws Exception {
        return Reflect.newInstance(Names.COMPILER);
    }

    Object list() throws Exception {
        return Reflect.newInstance("java.util.ArrayList");
    }

    Object own() throws Exception {
        return Reflect.newInstance("org.acme.lookup.impl.DefaultCompiler");
    }

    Object fixed() throws Exception {
        return Reflect.create("org.acme.lookup.impl.DefaultCompiler");
    }

    Object configured(Properties p) throws Exception {
        return Reflect.create(p.getProperty("impl")); // want "class-forname-caller-loader"
    }
}
