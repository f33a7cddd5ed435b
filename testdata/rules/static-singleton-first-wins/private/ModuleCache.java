package fixtures.singleton.priv;

import net.sf.ehcache.CacheManager;
import org.springframework.cache.ehcache.EhCacheManagerFactoryBean;

// Module-private library: not reported.
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
        factoryBean.setShared(true);
        CacheManager.create();
    }
}
