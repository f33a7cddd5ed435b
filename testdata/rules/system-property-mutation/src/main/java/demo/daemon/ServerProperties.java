package demo.daemon;

import java.io.InputStream;
import java.util.Properties;

// The launcher's properties file: its static initialiser copies the
// server's settings into the JVM's table. Only the launcher and the
// server it starts use it.
public final class ServerProperties {
    private static final Properties PROPERTIES = new Properties();

    static {
        try (InputStream in = ServerProperties.class.getResourceAsStream("server.properties")) {
            if (in != null) {
                PROPERTIES.load(in);
            }
        } catch (Exception e) {
            // defaults only
        }
        for (String name : PROPERTIES.stringPropertyNames()) {
            System.setProperty(name, PROPERTIES.getProperty(name));
        }
    }

    private ServerProperties() {
    }

    static void load() {
        // loading the class runs the static initialiser
    }

    public static String get(String name) {
        return PROPERTIES.getProperty(name);
    }
}
