package fixtures.spi;

import my.pkg.ServiceLoader;

// my.pkg.ServiceLoader is not java.util.ServiceLoader.
public class LookAlike {
    static Object instance = ServiceLoader.load(LookAlike.class, LookAlike.class.getClassLoader());

    Object load() {
        return ServiceLoader.loadInstalled(LookAlike.class);
    }

    Object config(java.util.Properties p) throws Exception {
        p.load((java.io.Reader) null);
        return p;
    }
}
