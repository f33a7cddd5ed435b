package fixtures;

import java.io.InputStream;
import java.net.URL;
import java.util.ResourceBundle;

// Safe look-alikes: none of these lines may be flagged.
public class LookAlike {
    private static final ResourceBundle STRINGS = ResourceBundle.getBundle("fixtures.LocalStrings");

    // Relative to the class's package: the library's own file.
    InputStream defaults() {
        return LookAlike.class.getResourceAsStream("LookAlike-defaults.properties");
    }

    // Absolute, but a library-specific name.
    URL own() {
        return getClass().getResource("/META-INF/fixtures/version.properties");
    }

    // A class the caller supplied.
    URL supplied(Class<?> type, String name) {
        return type.getResource(name);
    }

    // Through the thread context loader.
    URL context(String name) {
        return Thread.currentThread().getContextClassLoader().getResource(name);
    }

    // The system loader only when there is no other.
    URL fallback(ClassLoader cl, String path) {
        return (cl != null ? cl.getResource(path) : ClassLoader.getSystemResource(path)); // want "resource-lookup-own-loader" source:-
    }

    // A bundle named after the library's package.
    ResourceBundle localStrings(String pkg) {
        return ResourceBundle.getBundle(pkg + ".LocalStrings"); // want "resource-lookup-own-loader" source:-
    }

    // The class file of a named class.
    InputStream classBytes(String className) {
        return ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class"); // want "resource-lookup-own-loader" source:-
    }
}

// A user class with JDK-like method names.
class Bundles {
    static Object getBundle(String name) { return null; }
    Object use() { return getBundle("messages"); }
}
