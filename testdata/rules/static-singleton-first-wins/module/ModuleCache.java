package fixtures.singleton.module;

import net.sf.ehcache.CacheManager;
import org.springframework.cache.ehcache.EhCacheManagerFactoryBean;

// Module code: own singletons are per module, but shared factories still are not.
public class ModuleCache {
    private static ModuleCache instance;
    private final String name = System.getenv("CACHE_NAME");

    static ModuleCache get() {
        if (instance == null) {
            instance = new ModuleCache();
        }
        return instance;
    }

    void configure(EhCacheManagerFactoryBean factoryBean) {
        factoryBean.setShared(true); // want "static-singleton-first-wins:low"
        CacheManager.create(); // want "static-singleton-first-wins:low"
    }
}
