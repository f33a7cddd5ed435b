package fixtures.captured;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ClassUtils;

public class Resolvers {
    private static final ClassLoader LOADER = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init:medium"
    private static final ResourcePatternResolver RESOLVER = new PathMatchingResourcePatternResolver(); // want "classloader-captured-at-init:low"
    private static final DefaultResourceLoader RESOURCES = new DefaultResourceLoader(); // want "classloader-captured-at-init:low"
    private static ClassLoader spring;
    private static ClassLoader lazy;

    static {
        spring = ClassUtils.getDefaultClassLoader(); // want "classloader-captured-at-init"
        if (Thread.currentThread().getContextClassLoader() == null) {
            throw new IllegalStateException("no context ClassLoader");
        }
    }

    static ClassLoader loader() {
        if (lazy == null) {
            lazy = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init"
        }
        return lazy;
    }
}
