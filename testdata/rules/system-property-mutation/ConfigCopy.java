package fixtures.props;

import java.util.Map;
import java.util.Properties;

// A server copying the keys of its own configuration file into the JVM's
// table by design: still JVM-wide, but which keys change is up to a file
// the code does not show, so where the role is unknown it is a candidate
// (hint); a fixed key set from the same loop is the code's own choice.
public class ConfigCopy {
    public void parse(Properties cfg) {
        for (Map.Entry<Object, Object> entry : cfg.entrySet()) {
            String key = entry.getKey().toString().trim();
            String value = entry.getValue().toString().trim();
            if (key.equals("dataDir")) {
                continue;
            }
            System.setProperty("server." + key, value); // want "system-property-mutation:hint"
            System.setProperty("server.configured", "true"); // want "system-property-mutation:high"
        }
        for (String name : cfg.stringPropertyNames()) {
            System.setProperty(name, cfg.getProperty(name)); // want "system-property-mutation:hint"
        }
    }

    public void apply(String[] pairs) {
        for (String pair : pairs) {
            System.setProperty(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)); // want "system-property-mutation:high"
        }
    }

    // An Enumeration of the names, the value looked up through a local.
    public void register(Properties loaded) {
        java.util.Enumeration<?> names = loaded.propertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            String value = loaded.getProperty(name);
            if (value != null) {
                System.setProperty(name, value); // want "system-property-mutation:hint"
            }
        }
    }

    // A method handed one name of the configuration: the key is made from
    // it, the value is the configuration's entry for it.
    String copyPrefixed(String key, String prefix) {
        String specific = key.substring(prefix.length() + 1);
        String value = settings.getProperty(key);
        if (value == null) {
            return "value required for " + key;
        }
        System.setProperty(specific, value); // want "system-property-mutation:hint"
        return null;
    }

    // Not a copy: the value is looked up by another name than the key's,
    // or comes from System itself.
    public void mixed(String key, String other) {
        System.setProperty(key, settings.getProperty(other)); // want "system-property-mutation:high"
        String v = System.getProperty(key);
        System.setProperty(key + ".saved", v); // want "system-property-mutation:high"
    }

    private final Properties settings = new Properties();
}
