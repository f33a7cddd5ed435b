package org.acme.text;

import java.util.Locale;
import java.util.ResourceBundle;

// A bundle helper handed its base name: its only caller names one of the
// library's own message bundles, a family split by a number computed from
// the message key ("org.acme.text.msg.m" + n).
public final class Messages {
    private Messages() {
    }

    public static ResourceBundle bundle(String resource, Locale locale) {
        try {
            return ResourceBundle.getBundle(resource, locale); // want "resource-lookup-own-loader" source:-
        } catch (RuntimeException e) {
            return ResourceBundle.getBundle(resource, Locale.ENGLISH); // want "resource-lookup-own-loader" source:-
        }
    }

    static int hash(String key) {
        return Math.abs(key.hashCode()) % 50;
    }

    public static String text(String key, Locale locale) {
        return bundle("org.acme.text.msg.m" + hash(key), locale).getString(key);
    }
}
