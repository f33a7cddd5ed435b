package fixtures;

import java.io.InputStream;
import java.net.URL;

public class SystemResources {
    // The library's own file: not on the JVM's class path when the library
    // comes from a fat jar or a module.
    InputStream ownDefaults() {
        return ClassLoader.getSystemResourceAsStream("META-INF/mylib/defaults.properties"); // want "resource-lookup-own-loader:hint"
    }

    URL viaLocal() {
        String name = "mylib/version.txt";
        return ClassLoader.getSystemResource(name); // want "resource-lookup-own-loader:hint"
    }

    // The system loader as the fallback of another.
    URL fallback(ClassLoader cl) {
        return cl != null ? cl.getResource("mylib/version.txt") : ClassLoader.getSystemResource("mylib/version.txt"); // want "resource-lookup-own-loader" source:-
    }
}
