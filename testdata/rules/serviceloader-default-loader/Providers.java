package fixtures.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

public class Providers {
    interface Codec {
    }

    private static final List<Codec> CODECS = new ArrayList<>();
    private static final ServiceLoader<Codec> LOADER = ServiceLoader.load(Codec.class); // want "serviceloader-default-loader:medium"
    private static ServiceLoader<Codec> lazy; // want "static-mutable-state" bytecode:0

    static {
        ServiceLoader.load(Codec.class, Codec.class.getClassLoader()).forEach(CODECS::add); // want "serviceloader-default-loader:high"
        for (Codec c : ServiceLoader.load(Codec.class)) { // want "serviceloader-default-loader:medium"
            CODECS.add(c);
        }
    }

    List<Codec> own() {
        return list(ServiceLoader.load(Codec.class, getClass().getClassLoader())); // want "serviceloader-default-loader"
    }

    List<Codec> system() {
        return list(ServiceLoader.load(Codec.class, ClassLoader.getSystemClassLoader())); // want "serviceloader-default-loader"
    }

    List<Codec> installed() {
        return list(ServiceLoader.loadInstalled(Codec.class)); // want "serviceloader-default-loader"
    }

    void cacheInStatic() {
        lazy = ServiceLoader.load(Codec.class); // want "serviceloader-default-loader:medium"
    }

    List<String> spring() {
        return SpringFactoriesLoader.loadFactoryNames(Codec.class, getClass().getClassLoader()); // want "serviceloader-default-loader"
    }

    // Safe look-alikes.

    List<Codec> perUse() {
        return list(ServiceLoader.load(Codec.class));
    }

    List<Codec> contextLoader() {
        return list(ServiceLoader.load(Codec.class, Thread.currentThread().getContextClassLoader()));
    }

    List<Codec> suppliedLoader(ClassLoader cl) {
        return list(ServiceLoader.load(Codec.class, cl));
    }

    void cacheInInstanceField() {
        ServiceLoader<Codec> local = ServiceLoader.load(Codec.class);
        list(local);
    }

    List<String> springDefault() {
        return SpringFactoriesLoader.loadFactoryNames(Codec.class, null);
    }

    static List<Codec> list(Iterable<Codec> it) {
        List<Codec> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
