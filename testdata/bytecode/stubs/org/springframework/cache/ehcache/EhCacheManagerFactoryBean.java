package org.springframework.cache.ehcache;

public class EhCacheManagerFactoryBean {
    public void setShared(boolean shared) { }
    public void setCacheManagerName(String name) { }
}
