package net.sf.ehcache;

public class CacheManager {
    public static CacheManager newInstance() { return null; }
    public static CacheManager getInstance() { return null; }
    public static CacheManager create() { return null; }
}
