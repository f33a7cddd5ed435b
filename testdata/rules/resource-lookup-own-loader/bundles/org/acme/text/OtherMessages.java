package org.acme.text;

import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

// Look-alikes of Messages that stay findings.
final class OtherMessages {
    private OtherMessages() {
    }

    static int hash(String key) {
        return Math.abs(key.hashCode()) % 50;
    }

    // The family is another library's: its bundles sit wherever that
    // library (or a module bundling it) does.
    static ResourceBundle other(String resource, Locale locale) {
        return ResourceBundle.getBundle(resource, locale); // want "resource-lookup-own-loader"
    }

    static String otherText(String key) {
        return other("com.example.msg.m" + hash(key), Locale.ROOT).getString(key);
    }

    // One caller's name is computed whole: no package is known.
    static ResourceBundle computed(String resource) {
        return ResourceBundle.getBundle(resource); // want "resource-lookup-own-loader"
    }

    static String computedText(Properties p, String key) {
        return computed("org.acme.text.msg.m" + hash(key)).getString(key)
                + computed(p.getProperty("bundle") + ".m" + hash(key)).getString(key);
    }

    // A public helper no project code calls: the bundle is its caller's.
    public static ResourceBundle forClients(String resource) {
        return ResourceBundle.getBundle(resource); // want "resource-lookup-own-loader"
    }
}
