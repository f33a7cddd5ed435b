package fixtures;

import java.net.URL;

// log4j's Loader.getResource: the context loader through a helper first,
// the system loader as the last resort.
public class HelperContext {
    static ClassLoader getThreadContextClassLoader() {
        return Thread.currentThread().getContextClassLoader();
    }

    public static URL getResource(String resource) {
        ClassLoader classLoader = getThreadContextClassLoader();
        if (classLoader != null) {
            URL url = classLoader.getResource(resource);
            if (url != null) {
                return url;
            }
        }
        return ClassLoader.getSystemResource(resource); // want "resource-lookup-own-loader" source:-
    }
}
