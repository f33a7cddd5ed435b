package org.acme.lookup;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Properties;

// The loader the caller supplies first, the own loader only as the
// fallback: the context-first idiom one call away.
final class Loading {
    static Class<?> classForName(String name, ClassLoader loader) throws ClassNotFoundException {
        if (loader == null) {
            return Class.forName(name); // want "class-forname-caller-loader" source:-
        }
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            return Class.forName(name); // want "class-forname-caller-loader" source:-
        }
    }

    static ClassLoader getStandardClassLoader() {
        return Thread.currentThread().getContextClassLoader();
    }

    Object configured(Properties p) throws Exception {
        return classForName(p.getProperty("impl"), Thread.currentThread().getContextClassLoader());
    }

    Object standard(Properties p) throws Exception {
        return classForName(p.getProperty("impl"), getStandardClassLoader());
    }
}

// A stream that tries the application's loaders it was given, its own last.
class AppObjectStream extends ObjectInputStream {
    private final ClassLoader[] loaders;

    AppObjectStream(InputStream in, ClassLoader[] loaders) throws IOException {
        super(in);
        this.loaders = loaders;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        String name = desc.getName();
        for (ClassLoader cl : loaders) {
            try {
                return Class.forName(name, false, cl);
            } catch (ClassNotFoundException e) {
                // the next loader
            }
        }
        return Class.forName(name); // want "class-forname-caller-loader" source:-
    }

    // The own loader first only for the library's own package; the
    // application's loaders first for everything else.
    public Class<?> resolve(String name) throws ClassNotFoundException {
        boolean ownFirst = name.startsWith("org.acme.lookup");
        try {
            if (ownFirst) {
                return findOwnClass(name);
            } else {
                return findAppClass(name);
            }
        } catch (ClassNotFoundException x) {
            if (ownFirst) {
                return findAppClass(name);
            } else {
                return findOwnClass(name);
            }
        }
    }

    public Class<?> findOwnClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, getClass().getClassLoader()); // want "class-forname-caller-loader" source:-
    }

    public Class<?> findAppClass(String name) throws ClassNotFoundException {
        ClassNotFoundException last = new ClassNotFoundException(name);
        for (int i = 0; i < loaders.length; i++) {
            try {
                return Class.forName(name, false, loaders[i]);
            } catch (ClassNotFoundException x) {
                last = x;
            }
        }
        throw last;
    }
}

// The own loader tried first for every name: a module class the base
// also has is taken from the base.
class OwnFirstStream {
    private final ClassLoader[] loaders;

    OwnFirstStream(ClassLoader[] loaders) {
        this.loaders = loaders;
    }

    public Class<?> resolve(String name) throws ClassNotFoundException {
        try {
            return loadOwn(name); // want "class-forname-caller-loader" bytecode:-
        } catch (ClassNotFoundException x) {
            return loadApp(name);
        }
    }

    public Class<?> loadOwn(String name) throws ClassNotFoundException {
        return Class.forName(name, false, OwnFirstStream.class.getClassLoader()); // want "class-forname-caller-loader"
    }

    public Class<?> loadApp(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loaders[0]);
    }
}

// A helper trying the loader it is handed first, whose caller hands it
// none: the own loader decides.
final class LoadingWithout {
    static Class<?> classForName(String name, ClassLoader loader) throws ClassNotFoundException {
        if (loader == null) {
            return Class.forName(name); // want "class-forname-caller-loader"
        }
        return Class.forName(name, true, loader);
    }

    Object configured(Properties p) throws Exception {
        return classForName(p.getProperty("impl"), null);
    }
}
