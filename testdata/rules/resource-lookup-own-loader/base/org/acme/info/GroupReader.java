package org.acme.info;

import java.io.InputStream;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.Properties;

// A reader of statement files, opened inside a privileged action: the
// path is a parameter of the method around the anonymous class. Every
// production caller hands in one of the library's own files.
public class GroupReader {
    public static InputStream open(final String path, final String[] starters) {
        return AccessController.doPrivileged(new PrivilegedAction<InputStream>() {
            public InputStream run() {
                return getClass().getResourceAsStream(path); // want "resource-lookup-own-loader" source:-
            }
        });
    }

    // An overload no project code calls: a client could hand it a path,
    // but no more than open(path, starters) itself, whose callers are
    // judged.
    public static InputStream open(final String path) {
        return open(path, new String[0]);
    }

    static InputStream statements(final String path) {
        return open(path, new String[] {"/*"});
    }

    // Dead code: no one can call it.
    private static InputStream unused(final String path) {
        return open(path, new String[] {"--"});
    }
}

class Schemas {
    static final String SCHEMA = "/org/acme/info/sql/schema.sql";

    InputStream schema() {
        return GroupReader.statements(SCHEMA);
    }

    InputStream upgrade() {
        return GroupReader.open("/org/acme/info/sql/upgrade.sql", new String[0]);
    }
}

// The same shape with a caller that reads the path from configuration.
class ScriptReader {
    static InputStream open(final String path) {
        return AccessController.doPrivileged(new PrivilegedAction<InputStream>() {
            public InputStream run() {
                return getClass().getResourceAsStream(path); // want "resource-lookup-own-loader"
            }
        });
    }

    InputStream script(Properties p) {
        return open(p.getProperty("script"));
    }

    InputStream builtIn() {
        return open("/org/acme/info/sql/builtin.sql");
    }
}

// The anonymous class's method declares a path of its own: the outer
// parameter is not the name looked up.
class ShadowReader {
    static InputStream open(final String path) {
        return AccessController.doPrivileged(new PrivilegedAction<InputStream>() {
            public InputStream run() {
                String path = System.getProperty("script.path");
                return getClass().getResourceAsStream(path); // want "resource-lookup-own-loader"
            }
        });
    }

    InputStream builtIn() {
        return open("/org/acme/info/sql/builtin.sql");
    }
}
