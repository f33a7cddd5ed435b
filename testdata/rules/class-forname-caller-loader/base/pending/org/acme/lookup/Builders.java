package org.acme.lookup;

// A builder tries the loader it was configured with, through a private
// helper of its own, before its own loader: the own lookup is the
// fallback, though other methods of the project named loadClass (a class
// loader's override) do something else.
class ObjectBuilder {
    private ClassLoader classLoader;

    Class<?> resolve(String name) {
        Class<?> k = loadClass(classLoader, name);
        if (k == null) {
            try {
                return Class.forName(name); // want "class-forname-caller-loader" source:-
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return k;
    }

    private static Class<?> loadClass(ClassLoader loader, String name) {
        if (loader == null) {
            return null;
        }
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}

class ChildFirstLoader extends ClassLoader {
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return super.loadClass(name, resolve);
    }
}

// The same shape whose helper only checks a cache first: the lookup is
// the hazard.
class CachingBuilder {
    private final java.util.Map<String, Class<?>> cache = new java.util.HashMap<>();

    Class<?> resolve(String name) throws ClassNotFoundException {
        Class<?> k = cached(name);
        if (k == null) {
            k = Class.forName(name); // want "class-forname-caller-loader"
        }
        return k;
    }

    private Class<?> cached(String name) {
        return cache.get(name);
    }
}
