package fixtures.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Provider lookups as libraries write them (Ehcache's LibraryInit, Spring's
 * CachedIntrospectionResults, a JDK-style installed-providers lookup).
 */
public class RealShapes {
    public interface EhcacheInit {
        void init();
    }

    public interface BeanInfoFactory {
    }

    // Spring's CachedIntrospectionResults: a static list from the own loader.
    private static final List<String> beanInfoFactories = SpringFactoriesLoader.loadFactoryNames( // want "serviceloader-default-loader"
            BeanInfoFactory.class, RealShapes.class.getClassLoader());

    // Ehcache's LibraryInit.
    static void init() {
        for (EhcacheInit init : ServiceLoader.load(EhcacheInit.class, RealShapes.class.getClassLoader())) { // want "serviceloader-default-loader"
            init.init();
        }
    }

    // The system loader, written as null.
    static List<EhcacheInit> systemProviders() {
        List<EhcacheInit> out = new ArrayList<>();
        for (EhcacheInit i : ServiceLoader.load(EhcacheInit.class, null)) { // want "serviceloader-default-loader"
            out.add(i);
        }
        return out;
    }

    // Installed providers only, by choice: no edit.
    static ServiceLoader<EhcacheInit> installed() {
        return ServiceLoader.loadInstalled(EhcacheInit.class); // want "serviceloader-default-loader"
    }
}
