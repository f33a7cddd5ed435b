package org.acme.text;

import java.util.Properties;
import java.util.ResourceBundle;

// Look-alike: a helper one of whose callers names the bundle from
// configuration; a module's bundle is not found through it.
class Labels {
    static ResourceBundle labels(String bundle) {
        return ResourceBundle.getBundle(bundle); // want "resource-lookup-own-loader"
    }

    void use(Properties p) {
        labels("org.acme.text.resources.Core");
        labels(p.getProperty("labels"));
    }
}
