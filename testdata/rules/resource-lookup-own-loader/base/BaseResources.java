package fixtures.base;

import java.net.URL;

public class BaseResources {
    URL page() {
        return getClass().getResource("/static/index.jsp"); // want "resource-lookup-own-loader:medium"
    }
}
