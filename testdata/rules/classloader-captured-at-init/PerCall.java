package fixtures.captured;

import java.util.function.Supplier;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

// Loaders resolved when used: none is flagged.
public class PerCall {
    private static final Supplier<ClassLoader> CURRENT = () -> Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init" source:-
    private static final ClassLoader OWN = PerCall.class.getClassLoader();
    private final ClassLoader instanceLoader = Thread.currentThread().getContextClassLoader();
    private static final PathMatchingResourcePatternResolver EXPLICIT =
            new PathMatchingResourcePatternResolver(PerCall.class.getClassLoader());

    ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : ClassUtils.getDefaultClassLoader();
    }

    PathMatchingResourcePatternResolver resolver() {
        return new PathMatchingResourcePatternResolver(new DefaultResourceLoader());
    }
}
