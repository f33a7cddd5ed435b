package fixtures.spi.module;

import java.util.ServiceLoader;

public class ModuleProviders {
    interface Codec {
    }

    Object own() {
        return ServiceLoader.load(Codec.class, ModuleProviders.class.getClassLoader()); // want "serviceloader-default-loader:low"
    }

    static final ServiceLoader<Codec> CACHED = ServiceLoader.load(Codec.class); // want "serviceloader-default-loader:low"
}
