package org.acme.text;

import java.util.Locale;
import java.util.ResourceBundle;

// A localisation helper: the bundle named by its caller.
public final class Localizer {
    public static final String CORE = "org.acme.text.resources.Core";
    public static final String SQL = "org.acme.text.resources.Sql";

    private Localizer() {
    }

    static String text(String bundle, String key) {
        return ResourceBundle.getBundle(bundle, Locale.getDefault()).getString(key);
    }

    static String res(String name, String key) {
        return text(Resources.PACKAGE + name, key);
    }

    static String msg(String name, String key) {
        return res(name, key);
    }

    // A bundle whose name is built on a constant of the library's own
    // package: one of its own bundles.
    static ResourceBundle own(String name) {
        return ResourceBundle.getBundle(Resources.PACKAGE + name);
    }
}
