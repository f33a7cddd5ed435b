package fixtures.own;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

/**
 * Resource lookups through the caller's own loader as libraries write them
 * (Jetty's MimeTypes, Tomcat's CatalinaBaseConfigurationSource, ZooKeeper's
 * inspector, Hibernate's DTDEntityResolver).
 */
public class RealShapes {
    // Jetty's MimeTypes: try-with-resources over the own loader's stream.
    static Properties load(String resourceName) throws IOException {
        Properties props = new Properties();
        try (InputStream stream = RealShapes.class.getClassLoader().getResourceAsStream(resourceName)) { // want "own-classloader-lookup"
            if (stream != null) {
                props.load(stream);
            }
        }
        return props;
    }

    // Tomcat: the result used right away.
    URL locate(String name) throws Exception {
        return getClass().getClassLoader().getResource(name).toURI().toURL(); // want "own-classloader-lookup"
    }

    // ZooKeeper's inspector: the call continues on the next line.
    InputStream defaults(String name) {
        InputStream classpathStream = RealShapes.class.getClassLoader() // want "own-classloader-lookup" bytecode:33
                .getResourceAsStream(name);
        return classpathStream;
    }

    // Hibernate's DTDEntityResolver.
    InputStream resolveInHibernateNamespace(String path) {
        return this.getClass().getClassLoader().getResourceAsStream( path ); // want "own-classloader-lookup"
    }
}
