package fixtures.spi.base;

import java.util.*;

// Wildcard import of java.util resolves ServiceLoader.
public class BaseProviders {
    interface Codec {
    }

    Object own() {
        return ServiceLoader.load(Codec.class, BaseProviders.class.getClassLoader()); // want "serviceloader-default-loader:medium"
    }

    static final ServiceLoader<Codec> CACHED = ServiceLoader.load(Codec.class); // want "serviceloader-default-loader:medium"
}
