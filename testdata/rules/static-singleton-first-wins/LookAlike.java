package fixtures.singleton;

// A project class named CacheManager is not Ehcache's.
public class LookAlike {
    static class CacheManager {
        static CacheManager create() {
            return new CacheManager();
        }
    }

    Object make() {
        return CacheManager.create();
    }
}
