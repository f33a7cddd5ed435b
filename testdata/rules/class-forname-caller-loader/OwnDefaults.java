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
        return Class.forName(name, true, OwnDefaults.class.getClassLoader()); // want "class-forname-caller-loader:hint"
    }

    // A table read by path, under the library's own package, through its
    // own loader, into a local then kept in the field.
    static final Properties handlers;
    // The same from a path any jar (a module's too) may hold.
    static final Properties shared;

    static {
        Properties props = new Properties();
        try (java.io.InputStream is = OwnDefaults.class.getClassLoader().getResourceAsStream(
                "fixtures/forname/Handlers.properties")) {
            if (is != null) {
                props.load(is);
            }
        } catch (IOException ex) {
            props = null;
        }
        handlers = props;
        Properties found = new Properties();
        try (java.io.InputStream is = OwnDefaults.class.getClassLoader().getResourceAsStream("META-INF/handlers.properties")) {
            if (is != null) {
                found.load(is);
            }
        } catch (IOException ex) {
            found = null;
        }
        shared = found;
    }

    Object handler(String kind) throws Exception {
        String name = handlers.getProperty(kind);
        return Class.forName(name); // want "class-forname-caller-loader" source:-
    }

    Object sharedHandler(String kind) throws Exception {
        String name = shared.getProperty(kind);
        return Class.forName(name); // want "class-forname-caller-loader:hint"
    }

    // A table the method writes out with the library's own class names.
    Object connector(String kind) throws Exception {
        Properties table = new Properties();
        table.put("connect", "fixtures.forname.Connect");
        table.setProperty("lookup", "fixtures.forname.Lookup");
        String name = table.getProperty(kind).trim();
        return Class.forName(name); // want "class-forname-caller-loader" source:-
    }

    // One entry comes from the caller.
    Object userConnector(String kind, String custom) throws Exception {
        Properties extra = new Properties();
        extra.put("connect", "fixtures.forname.Connect");
        extra.put("custom", custom);
        String name = extra.getProperty(kind);
        return Class.forName(name); // want "class-forname-caller-loader:hint"
    }

    // Another library's class: its loader may not see it.
    Object foreignConnector(String kind) throws Exception {
        Properties foreign = new Properties();
        foreign.setProperty("x", "org.example.plugins.Connect");
        String name = foreign.getProperty(kind);
        return Class.forName(name); // want "class-forname-caller-loader:hint"
    }

    // The table is handed to other code, which may add to it.
    Object filledElsewhere(String kind) throws Exception {
        Properties handed = new Properties();
        handed.put("connect", "fixtures.forname.Connect");
        customize(handed);
        String name = handed.getProperty(kind);
        return Class.forName(name); // want "class-forname-caller-loader:hint"
    }

    void customize(Properties target) {
    }

    // Built on top of defaults the caller hands in.
    Object layered(String kind, Properties base) throws Exception {
        Properties layer = new Properties(base);
        layer.put("connect", "fixtures.forname.Connect");
        String name = layer.getProperty(kind);
        return Class.forName(name); // want "class-forname-caller-loader:hint"
    }
}
