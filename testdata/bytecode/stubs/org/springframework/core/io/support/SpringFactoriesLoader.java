package org.springframework.core.io.support;

import java.util.List;

public final class SpringFactoriesLoader {
    public static List<String> loadFactoryNames(Class<?> factoryType, ClassLoader classLoader) { return null; }
}
