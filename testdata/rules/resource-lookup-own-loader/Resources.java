package fixtures;

import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

public class Resources {
    InputStream appProperties() {
        return Resources.class.getResourceAsStream("/META-INF/app.properties"); // want "resource-lookup-own-loader"
    }

    URL logback() {
        return getClass().getResource("/logback-spring.xml"); // want "resource-lookup-own-loader"
    }

    URL computed(String path) {
        return this.getClass().getResource(path); // want "resource-lookup-own-loader"
    }

    URL system() {
        return ClassLoader.getSystemResource("application.yml"); // want "resource-lookup-own-loader"
    }

    Enumeration<URL> services(String type) throws Exception {
        return ClassLoader.getSystemResources("META-INF/services/" + type); // want "resource-lookup-own-loader"
    }

    InputStream template() {
        return ClassLoader.getSystemResourceAsStream("templates/index.html"); // want "resource-lookup-own-loader"
    }

    ResourceBundle messages() {
        return ResourceBundle.getBundle("messages"); // want "resource-lookup-own-loader"
    }

    ResourceBundle localized(String baseName) {
        return ResourceBundle.getBundle(baseName, Locale.getDefault()); // want "resource-lookup-own-loader"
    }

    ResourceBundle anyLocale(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale); // want "resource-lookup-own-loader"
    }
}
