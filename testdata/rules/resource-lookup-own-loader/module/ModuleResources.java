package fixtures.module;

import java.io.InputStream;

// Module code reads its own resources through its own loader: not reported.
public class ModuleResources {
    InputStream config() {
        return ModuleResources.class.getResourceAsStream("/application.properties");
    }
}
