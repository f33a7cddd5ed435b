package fixtures.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URL;

public class SharedLookups {
    URL mapper(String name) {
        return SharedLookups.class.getClassLoader().getResource("mapper/" + name); // want "own-classloader-lookup:high" bytecode:-
    }

    Object proxy(Class<?>[] interfaces, InvocationHandler h) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, h); // want "own-classloader-lookup:high" bytecode:-
    }
}
