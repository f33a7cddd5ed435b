package fixtures.singleton;

import net.sf.ehcache.CacheManager;
import org.springframework.cache.ehcache.EhCacheManagerFactoryBean;

public class EhcacheConfig {
    EhCacheManagerFactoryBean factory() {
        EhCacheManagerFactoryBean factoryBean = new EhCacheManagerFactoryBean();
        factoryBean.setShared(true); // want "static-singleton-first-wins:low"
        return factoryBean;
    }

    EhCacheManagerFactoryBean own() {
        EhCacheManagerFactoryBean factoryBean = new EhCacheManagerFactoryBean();
        factoryBean.setShared(false);
        factoryBean.setCacheManagerName("biz1CacheManager");
        return factoryBean;
    }

    CacheManager manager() {
        CacheManager.newInstance();
        return CacheManager.getInstance(); // want "static-singleton-first-wins:low"
    }

    CacheManager created() {
        return CacheManager.create(); // want "static-singleton-first-wins:low"
    }
}
