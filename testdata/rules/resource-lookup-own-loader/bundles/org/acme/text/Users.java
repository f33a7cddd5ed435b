package org.acme.text;

import java.util.Properties;
import java.util.ResourceBundle;

// Every caller names one of the library's own bundles, by a constant or
// by a name under its own bundle package, one or more hops away.
class Users {
    String errors() {
        return Localizer.text(Localizer.CORE, "error") + Localizer.text(Localizer.SQL, "sql");
    }

    String prefixed() {
        return Localizer.res("Parser", "parse") + Localizer.msg("Lexer", "lex");
    }
}

// Look-alike: a helper one of whose callers names the bundle from
// configuration; a module's bundle is not found through it.
class Labels {
    static ResourceBundle labels(String bundle) {
        return ResourceBundle.getBundle(bundle); // want "resource-lookup-own-loader"
    }

    void use(Properties p) {
        labels(Localizer.CORE);
        labels(p.getProperty("labels"));
    }
}
