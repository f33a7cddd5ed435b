package optin;

import java.util.Properties;

// The project's own property helper: the caller passes the default.
public final class Props {
    private static final Properties PROPS = System.getProperties();

    private Props() {
    }

    public static boolean getPropDefault(String key, boolean def) {
        return Boolean.parseBoolean(PROPS.getProperty(key, String.valueOf(def)));
    }

    public static boolean notProp(String key, boolean def) {
        return key.length() > 3;
    }
}
