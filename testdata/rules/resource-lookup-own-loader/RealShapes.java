package fixtures.res;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * System-loader and caller-loader lookups as libraries write them (log4j's
 * Loader, Derby's CPFile, Jersey's ServiceFinder, Spring's
 * ResourceBundleEditor, log4j's ResourceBundleLookup, Groovy's MessageSource).
 */
public class RealShapes {
    private final ResourceBundle[] bundles = new ResourceBundle[2];
    private Object value;

    // log4j's Loader.getResource, last resort.
    static URL getResource(String resource) {
        return ClassLoader.getSystemResource(resource); // want "resource-lookup-own-loader"
    }

    // Derby's CPFile.
    InputStream getInputStream(String name) {
        return ClassLoader.getSystemResourceAsStream(name); // want "resource-lookup-own-loader"
    }

    // Jersey's ServiceFinder.
    static Enumeration<URL> getResources(String name) throws IOException {
        return ClassLoader.getSystemResources(name); // want "resource-lookup-own-loader"
    }

    // Spring's ResourceBundleEditor: two lookups in one conditional, one finding.
    void setAsText(String baseName, Locale locale) {
        value = locale != null ? ResourceBundle.getBundle(baseName, locale) : ResourceBundle.getBundle(baseName); // want "resource-lookup-own-loader"
    }

    // log4j's ResourceBundleLookup.
    static String lookup(String bundleName, String bundleKey) {
        return ResourceBundle.getBundle(bundleName).getString(bundleKey); // want "resource-lookup-own-loader"
    }

    // Groovy's MessageSource: into an array element.
    void loadBundles(String[] bundleNames) {
        for (int i = 0; i < bundleNames.length; i++) {
            bundles[i] = ResourceBundle.getBundle(bundleNames[i]); // want "resource-lookup-own-loader"
        }
    }

    // The bundle name held in a local: the edit goes to the call, not to the
    // variable's initialiser.
    static ResourceBundle messages() {
        String base = "messages";
        return ResourceBundle.getBundle(base); // want "resource-lookup-own-loader"
    }

    // An absolute name on the own class: made relative for the loader.
    static URL applicationProperties() {
        return RealShapes.class.getResource("/application.properties"); // want "resource-lookup-own-loader"
    }
}
