package shared;

import java.util.Properties;

// The same copy in code declared shared (a library the base provides):
// the role is known, so it keeps the warning the copy is rated.
public class SharedConfigCopy {
    public void parse(Properties cfg) {
        for (String name : cfg.stringPropertyNames()) {
            System.setProperty(name, cfg.getProperty(name)); // want "system-property-mutation:medium"
        }
    }
}
