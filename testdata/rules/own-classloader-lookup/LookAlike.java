package fixtures;

import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URL;

import org.springframework.core.io.DefaultResourceLoader;

// Safe look-alikes: none of these lines may be flagged.
public class LookAlike {
    interface Api {}

    // The library's own resource, next to its classes.
    InputStream defaults() {
        return getClass().getClassLoader().getResourceAsStream("fixtures/lookalike-defaults.properties");
    }

    // Thread context loader: the fix.
    URL context(String name) {
        return Thread.currentThread().getContextClassLoader().getResource(name);
    }

    // A loader of a class the caller supplied.
    URL supplied(Class<?> type, String name) {
        return type.getClassLoader().getResource(name);
    }

    // Identity comparison and logging: no lookup.
    boolean sameLoader(ClassLoader cl) {
        return cl == LookAlike.class.getClassLoader();
    }

    String describe() {
        return "loaded by " + getClass().getClassLoader();
    }

    // "Context loader, else own": the own loader is the fallback.
    URL fallback(String name) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = getClass().getClassLoader();
        }
        return cl.getResource(name);
    }

    // Reassigned variable: no single value flows.
    URL reassigned(String name, boolean useOwn) {
        ClassLoader cl = getClass().getClassLoader();
        if (!useOwn) {
            cl = Thread.currentThread().getContextClassLoader();
        }
        return cl.getResource(name);
    }

    // The own loader sees the interfaces the library itself declares.
    Object ownProxy(InvocationHandler h) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Api.class}, h);
    }

    DefaultResourceLoader contextResources() {
        return new DefaultResourceLoader(Thread.currentThread().getContextClassLoader());
    }

    // JDK class names resolve the same through any loader.
    Class<?> jdk() throws Exception {
        ClassLoader cl = getClass().getClassLoader();
        return cl.loadClass("java.util.ArrayList");
    }
}

// A user class named like the JDK one.
class ClassLoaderLike {
    URL getResource(String n) { return null; }
    ClassLoaderLike getClassLoader() { return this; }
    URL use() { return getClassLoader().getResource("application.properties"); }
}
