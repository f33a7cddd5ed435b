// log4j 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/lookup/ResourceBundleLookup.java (Apache-2.0).
// Hazard: the bundle's name comes from the configuration (${bundle:Name:key}),
// so a module naming its own bundle is never found through log4j's loader
// when log4j sits in the base. Not settled by the bundle rules: the name is
// a value split from the lookup key, not a constant of log4j's package.
package org.apache.logging.log4j.core.lookup;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

public class ResourceBundleLookup {
    public String lookup(final String key) {
        if (key == null) {
            return null;
        }
        final String[] keys = key.split(":");
        if (keys.length != 2) {
            return null;
        }
        final String bundleName = keys[0];
        final String bundleKey = keys[1];
        try {
            return ResourceBundle.getBundle(bundleName).getString(bundleKey); // want "resource-lookup-own-loader"
        } catch (final MissingResourceException e) {
            return null;
        }
    }
}
