package fixtures;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

public class ProxyFactory implements InvocationHandler {
    private final Class<?>[] interfaces = new Class<?>[0];

    // spring-aop 5.3.27 JdkDynamicAopProxy.getProxy
    public Object getProxy(ClassLoader classLoader) {
        if (classLoader == null || classLoader.getParent() == null) { // want "null-parent-classloader-assumption" bytecode:-
            classLoader = getClass().getClassLoader();
        }
        return Proxy.newProxyInstance(classLoader, this.interfaces, this);
    }

    ClassLoader pick(ClassLoader suggested) {
        return suggested.getParent() == null ? ProxyFactory.class.getClassLoader() : suggested; // want "null-parent-classloader-assumption" bytecode:-
    }

    ClassLoader choose(ClassLoader cl) {
        if (cl.getParent() != null) { // want "null-parent-classloader-assumption" bytecode:-
            return cl;
        } else {
            return ClassLoader.getSystemClassLoader();
        }
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
        return null;
    }
}
