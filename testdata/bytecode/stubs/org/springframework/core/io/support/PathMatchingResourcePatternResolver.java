package org.springframework.core.io.support;

import org.springframework.core.io.ResourceLoader;

public class PathMatchingResourcePatternResolver implements ResourcePatternResolver {
    public PathMatchingResourcePatternResolver() { }
    public PathMatchingResourcePatternResolver(ClassLoader classLoader) { }
    public PathMatchingResourcePatternResolver(ResourceLoader resourceLoader) { }
}
