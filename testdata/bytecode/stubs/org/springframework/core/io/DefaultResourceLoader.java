package org.springframework.core.io;

public class DefaultResourceLoader implements ResourceLoader {
    public DefaultResourceLoader() { }
    public DefaultResourceLoader(ClassLoader classLoader) { }
}
