package fixtures.shared;

import java.io.InputStream;

public class SharedResources {
    InputStream config() {
        return SharedResources.class.getResourceAsStream("/bootstrap.yml"); // want "resource-lookup-own-loader:high"
    }
}
