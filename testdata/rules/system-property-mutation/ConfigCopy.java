package fixtures.props;

import java.util.Map;
import java.util.Properties;

// A server copying the keys of its own configuration file into the JVM's
// table by design: still JVM-wide, rated lower; a fixed key set from the
// same loop is the code's own choice.
public class ConfigCopy {
    public void parse(Properties cfg) {
        for (Map.Entry<Object, Object> entry : cfg.entrySet()) {
            String key = entry.getKey().toString().trim();
            String value = entry.getValue().toString().trim();
            if (key.equals("dataDir")) {
                continue;
            }
            System.setProperty("server." + key, value); // want "system-property-mutation:medium"
            System.setProperty("server.configured", "true"); // want "system-property-mutation:high"
        }
        for (String name : cfg.stringPropertyNames()) {
            System.setProperty(name, cfg.getProperty(name)); // want "system-property-mutation:medium"
        }
    }

    public void apply(String[] pairs) {
        for (String pair : pairs) {
            System.setProperty(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)); // want "system-property-mutation:high"
        }
    }
}
