// Jetty 9.4.57, jetty-http/src/main/java/org/eclipse/jetty/http/MimeTypes.java (Apache License 2.0 / EPL 1.0).
// Safe: the own loader reads Jetty's own files under its own package path; the local naming them is
// assigned string literals only, in a static initialiser.
package org.eclipse.jetty.http;

import java.io.InputStream;
import java.util.Properties;

public class MimeTypes {
    private static final Properties TYPES = new Properties();

    static {
        String resourceName = "org/eclipse/jetty/http/mime.properties";
        try (InputStream stream = MimeTypes.class.getClassLoader().getResourceAsStream(resourceName)) {
            TYPES.load(stream);
        } catch (Exception e) {
            TYPES.clear();
        }
        resourceName = "org/eclipse/jetty/http/encoding.properties";
        try (InputStream stream = MimeTypes.class.getClassLoader().getResourceAsStream(resourceName)) {
            TYPES.load(stream);
        } catch (Exception e) {
            TYPES.clear();
        }
    }
}
