package org.acme.lookup;

import java.util.Properties;

// Look-alikes of ConstantNames that stay findings: a constant naming
// another library's class is a presence probe, and a configured name is
// the hazard.
class OtherNames {
    static final String PLUGIN = "com.example.plugin.Plugin";

    Class<?> anotherLibrary() throws ClassNotFoundException {
        return Class.forName(PLUGIN); // want "class-forname-caller-loader:info"
    }

    Class<?> configured(Properties p) throws ClassNotFoundException {
        return Class.forName(p.getProperty("compiler")); // want "class-forname-caller-loader"
    }
}
