package fixtures.captured.shared;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

public class MybatisProperties {
    private static final ResourcePatternResolver resourceResolver = new PathMatchingResourcePatternResolver(); // want "classloader-captured-at-init:low"
    private static final ClassLoader LOADER = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init:high"
}
