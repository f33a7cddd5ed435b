package org.acme.info;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

// A product-info helper reading the version file it is handed; every
// production caller hands in one of the library's own files.
public class ProductInfo {
    public static final String ENGINE = "/org/acme/info/engine/version.properties";

    private final Properties props;

    public ProductInfo(String resource) {
        this.props = load(resource);
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ProductInfo.class.getResourceAsStream(resource)) { // want "resource-lookup-own-loader" source:-
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version known
        }
        return p;
    }

    public String version() {
        return props.getProperty("version");
    }
}

class Versions {
    static final String CLIENT = "/org/acme/info/client/version.properties";

    String engine() {
        return new ProductInfo(ProductInfo.ENGINE).version();
    }

    String client() {
        return new ProductInfo(CLIENT).version();
    }

    String tools() {
        return new ProductInfo("/org/acme/info/tools/version.properties").version();
    }

    String relative() {
        return new ProductInfo("version.properties").version();
    }
}
