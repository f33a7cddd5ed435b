package fixtures.forname;

import java.io.IOException;
import java.util.Properties;

// Class names read from the library's own properties file, found beside
// its class, are its default strategies; names read from properties the
// caller supplies are not.
public class OwnDefaults {
    private static final Properties defaults = new Properties();
    private final Properties configured = new Properties();

    static {
        try {
            defaults.load(OwnDefaults.class.getResourceAsStream("OwnDefaults.properties"));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    OwnDefaults(java.io.InputStream in) throws IOException {
        configured.load(in);
    }

    Object strategy(String key) throws Exception {
        String name = defaults.getProperty(key);
        return Class.forName(name, true, OwnDefaults.class.getClassLoader()); // want "class-forname-caller-loader" source:-
    }

    Object plugin(String key) throws Exception {
        String name = configured.getProperty(key);
        return Class.forName(name, true, OwnDefaults.class.getClassLoader()); // want "class-forname-caller-loader:low"
    }
}
