package org.acme.lookup;

import java.util.Properties;

// The callers of Reflect's helpers.
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
