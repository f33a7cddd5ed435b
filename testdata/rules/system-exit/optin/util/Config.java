package optin.util;

import java.util.Properties;

// A configuration object of the project, read through an instance: its
// boolean getter returns the default when the key is absent or blank.
public class Config {
    private final Properties props;

    public Config(Properties props) {
        this.props = props;
    }

    public boolean getFlag(String name, boolean defaultValue) {
        String value = props.getProperty(name);
        if (value == null || value.trim().isEmpty()) {
            return defaultValue;
        }
        return Boolean.parseBoolean(value.trim());
    }

    public boolean isSet(String name, boolean defaultValue) {
        return props.containsKey(name) || defaultValue;
    }
}
