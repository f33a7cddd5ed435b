package org.acme.lookup;

import java.util.Map;

// A class loader's own delegation (to its parent, the system loader or
// the loader that defined it) is what a loader is for.
class BytesClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    BytesClassLoader(Map<String, byte[]> classes) {
        super(null);
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            return ClassLoader.getSystemClassLoader().loadClass(name);
        }
        return defineClass(name, b, 0, b.length);
    }
}

class Versions {
    ClassLoader loader(final Map<String, byte[]> map) {
        return new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = map.get(name);
                if (b == null) {
                    return getClass().getClassLoader().loadClass(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }
}

// Not a class loader: a registry's method that happens to be named
// loadClass looks names up like any other code.
class PluginRegistry {
    Class<?> loadClass(String name) throws ClassNotFoundException {
        return Class.forName(name); // want "class-forname-caller-loader"
    }
}

// Own loader first, the context loader only when that fails: a module's
// class is still found (unless the base has one of that name).
class OwnFirst {
    Class<?> load(String name) throws ClassNotFoundException {
        try {
            return Class.forName(name); // want "class-forname-caller-loader:medium"
        } catch (ClassNotFoundException e) {
            return Thread.currentThread().getContextClassLoader().loadClass(name);
        }
    }
}

// A class of the lookup's own package, named through its class literal.
class Locations {
    static Class<?> moduleLocation() throws ClassNotFoundException {
        return Locations.class.getClassLoader().loadClass(Locations.class.getPackage().getName() + ".ModuleLocation"); // want "class-forname-caller-loader" source:-
    }

    static Class<?> elsewhere(Package p) throws ClassNotFoundException {
        return Locations.class.getClassLoader().loadClass(p.getName() + ".ModuleLocation"); // want "class-forname-caller-loader" bytecode:-
    }
}
