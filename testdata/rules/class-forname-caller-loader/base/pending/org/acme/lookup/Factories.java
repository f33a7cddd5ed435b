package org.acme.lookup;

// A lookup tried after a helper that asks the thread context loader first,
// reached through an interface whose every implementation does so: the own
// loader is the fallback. Where one implementation uses only its own
// loader, the fallback is a hazard like any other.
interface ClassFactory {
    Class<?> loadApplicationClass(String name) throws ClassNotFoundException;
}

class ContextClassFactory implements ClassFactory {
    @Override
    public Class<?> loadApplicationClass(String name) throws ClassNotFoundException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl != null) {
            try {
                return cl.loadClass(name);
            } catch (ClassNotFoundException e) {
                // the library's own classes below
            }
        }
        return Class.forName(name);
    }
}

class Inspector {
    private final ClassFactory factory;

    Inspector(ClassFactory factory) {
        this.factory = factory;
    }

    Class<?> lookup(String name) throws ClassNotFoundException {
        try {
            return factory.loadApplicationClass(name);
        } catch (ClassNotFoundException e) {
            return Class.forName(name); // want "class-forname-caller-loader" source:-
        }
    }
}

interface Finder {
    Class<?> find(String name) throws ClassNotFoundException;
}

class ContextFinder implements Finder {
    @Override
    public Class<?> find(String name) throws ClassNotFoundException {
        return Thread.currentThread().getContextClassLoader().loadClass(name);
    }
}

class OwnFinder implements Finder {
    @Override
    public Class<?> find(String name) throws ClassNotFoundException {
        return Class.forName(name); // want "class-forname-caller-loader"
    }
}

class FinderUser {
    Class<?> lookup(Finder finder, String name) throws ClassNotFoundException {
        try {
            return finder.find(name);
        } catch (ClassNotFoundException e) {
            return Class.forName(name); // want "class-forname-caller-loader"
        }
    }
}

// Jackson's TypeFactory shape: the name-parameter helper is called only
// after the context loader was tried.
class TypeLookup {
    public Class<?> findType(String name) throws ClassNotFoundException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl != null) {
            try {
                return Class.forName(name, true, cl);
            } catch (ClassNotFoundException e) {
                // the fallback below
            }
        }
        return classForName(name);
    }

    protected Class<?> classForName(String name) throws ClassNotFoundException {
        return Class.forName(name); // want "class-forname-caller-loader" source:-
    }
}
