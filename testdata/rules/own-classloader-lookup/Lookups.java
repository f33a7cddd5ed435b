package fixtures;

import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.Enumeration;
import java.util.ServiceLoader;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

public class Lookups {
    private static final String FACTORIES = "META-INF/spring.factories";

    URL config() {
        return getClass().getClassLoader().getResource("application.properties"); // want "own-classloader-lookup"
    }

    Enumeration<URL> factories() throws Exception {
        return Lookups.class.getClassLoader().getResources(FACTORIES); // want "own-classloader-lookup"
    }

    InputStream byName(String name) {
        return ClassLoader.getSystemClassLoader().getResourceAsStream(name); // want "own-classloader-lookup"
    }

    InputStream viaLocal(String name) {
        ClassLoader cl = getClass().getClassLoader();
        return cl.getResourceAsStream(name); // want "own-classloader-lookup"
    }

    Object proxy(Class<?> api, InvocationHandler h) {
        return Proxy.newProxyInstance(Lookups.class.getClassLoader(), new Class<?>[] {api}, h); // want "own-classloader-lookup" bytecode:-
    }

    Class<?> proxyClass(Class<?> api) {
        return Proxy.getProxyClass(getClass().getClassLoader(), api); // want "own-classloader-lookup" bytecode:-
    }

    DefaultResourceLoader resources() {
        return new DefaultResourceLoader(getClass().getClassLoader()); // want "own-classloader-lookup"
    }

    Class<?> loadViaLocal(String className) throws Exception {
        ClassLoader cl = Lookups.class.getClassLoader();
        return cl.loadClass(className); // want "own-classloader-lookup"
    }

    Class<?> forNameViaLocal(String className) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        return Class.forName(className, false, loader); // want "own-classloader-lookup"
    }

    Object providers(Class<?> service) {
        ClassLoader loader = getClass().getClassLoader();
        return ServiceLoader.load(service, loader); // want "own-classloader-lookup"
    }

    Object factoryNames(Class<?> type) {
        ClassLoader loader = Lookups.class.getClassLoader();
        return SpringFactoriesLoader.loadFactoryNames(type, loader); // want "own-classloader-lookup"
    }

    Class<?> probe() throws Exception {
        ClassLoader cl = getClass().getClassLoader();
        return cl.loadClass("org.hibernate.Session"); // a fixed optional dependency: beside the library
    }
}
