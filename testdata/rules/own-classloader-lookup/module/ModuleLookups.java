package fixtures.module;

import java.net.URL;

// In a module the module's own loader is the right one: info only.
public class ModuleLookups {
    URL config() {
        return getClass().getClassLoader().getResource("application.yml"); // want "own-classloader-lookup:info"
    }
}
