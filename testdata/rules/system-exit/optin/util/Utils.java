package optin.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

// A project's own property helper with several branches, overloaded by
// the default's type: it reads a properties file (then the system
// properties) and returns the default when the key is missing or its
// value does not parse. A call passing false reaches the boolean one.
public final class Utils {
    private static final Properties PROPS = new Properties();

    static {
        try (InputStream in = Utils.class.getResourceAsStream("/engine.properties")) {
            if (in != null) {
                PROPS.load(in);
            }
        } catch (IOException e) {
            // no file: the system properties alone
        }
    }

    private Utils() {
    }

    public static String getProp(String name) {
        String value = PROPS.getProperty(name);
        if (value == null) {
            value = System.getProperty(name);
        }
        return value;
    }

    public static String getPropDefault(String name, String defaultValue) {
        String value = getProp(name);
        return value == null ? defaultValue : value;
    }

    public static int getPropDefault(String name, int defaultValue) {
        String value = getProp(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    public static boolean getPropDefault(String name, boolean defaultValue) {
        String value = getProp(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            value = value.trim();
            if (value.isEmpty()) {
                return defaultValue;
            }
            return Boolean.parseBoolean(value);
        } catch (RuntimeException e) {
            return defaultValue;
        }
    }

    // Handed the table to read first.
    public static boolean getPropDefault(Properties props, String name, boolean defaultValue) {
        String value = props.getProperty(name);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    // The default held in a local the parse may replace.
    public static boolean flag(String name, boolean defaultValue) {
        boolean result = defaultValue;
        String value = getProp(name);
        if (value != null) {
            result = "true".equalsIgnoreCase(value.trim());
        }
        return result;
    }

    // Look-alikes: a helper that turns the default around, and one that
    // returns the default whatever the key (no look-up).
    public static boolean unlessDisabled(String name, boolean defaultValue) {
        String value = getProp(name);
        if (value == null) {
            return !defaultValue;
        }
        return Boolean.parseBoolean(value);
    }

    public static boolean ignoring(String name, boolean defaultValue) {
        boolean result = defaultValue;
        if (name.isEmpty()) {
            result = true;
        }
        return result;
    }
}
