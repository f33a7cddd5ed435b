package optin;

import java.util.Properties;

// A static initialiser that rewrites the JVM's properties only when whoever
// runs the JVM asks for it (-Dorg.lib.REPLACE_SYSTEM_PROPERTIES=true): a
// note naming the switch, also through the private method it calls.
public class Replacer {
    private static final String REPLACE = "org.lib.REPLACE_SYSTEM_PROPERTIES";

    static {
        if (Boolean.getBoolean(REPLACE)) {
            replaceSystemProperties();
        }
    }

    private static void replaceSystemProperties() {
        Properties p = new Properties(System.getProperties());
        System.setProperties(p); // want "system-property-mutation:low"
    }
}

class FieldSwitch {
    private static final boolean REPLACE = Boolean.parseBoolean(System.getProperty("org.lib.replace", "false"));

    static {
        if (REPLACE) {
            System.setProperty("org.lib.replaced", "true"); // want "system-property-mutation:low"
        }
    }
}

// Look-alikes: a switch on by default, a private method also called
// without the switch, the property the switch reads set unguarded.
class DefaultOn {
    static {
        if (Boolean.parseBoolean(System.getProperty("org.lib.install", "true"))) {
            install();
        }
    }

    private static void install() {
        System.setProperty("org.lib.installed", "true"); // want "system-property-mutation:high"
    }
}

class AlsoUnguarded {
    static {
        if (Boolean.getBoolean("org.lib.also")) {
            set();
        }
    }

    public static void reset() {
        set();
    }

    private static void set() {
        System.setProperty("org.lib.also.set", "1"); // want "system-property-mutation:high"
    }
}
