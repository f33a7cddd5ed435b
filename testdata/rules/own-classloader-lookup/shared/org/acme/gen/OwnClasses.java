package org.acme.gen;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

// A loader of the library's own precompiled classes: it reads each class
// file it is handed the name of through its own loader, and every caller
// names one of the library's classes.
class OwnClasses {
    protected byte[] loadFromRes(String name) throws IOException {
        try (InputStream in = OwnClasses.class.getClassLoader().getResourceAsStream(resName(name))) { // want "own-classloader-lookup" source:-
            return in == null ? null : new byte[in.available()];
        }
    }

    protected static String resName(String s) {
        return s.replace('.', '/') + ".class";
    }

    void defineAll() throws IOException {
        loadFromRes("org.acme.gen.sites.MetaSite");
        loadFromRes("org.acme.gen.sites.PojoSite");
    }
}

// The same helper where a caller hands in a name it was given.
class OpenClasses {
    protected byte[] loadFromRes(String name) throws IOException {
        try (InputStream in = OpenClasses.class.getClassLoader().getResourceAsStream(resName(name))) { // want "own-classloader-lookup"
            return in == null ? null : new byte[in.available()];
        }
    }

    protected static String resName(String s) {
        return s.replace('.', '/') + ".class";
    }

    public byte[] define(String className) throws IOException {
        return loadFromRes(className);
    }
}

// An index of the library's generated classes, read from a file found
// through the same loader that then loads the classes it lists.
class GeneratedIndex {
    static List<Class<?>> load() throws IOException {
        ClassLoader loader = GeneratedIndex.class.getClassLoader();
        DataInputStream in = new DataInputStream(new BufferedInputStream(loader.getResourceAsStream("META-INF/acme-index")));
        List<Class<?>> out = new ArrayList<>();
        for (;;) {
            String name = in.readUTF();
            if (name.isEmpty()) {
                break;
            }
            try {
                out.add(loader.loadClass(name)); // want "own-classloader-lookup" source:-
            } catch (ClassNotFoundException e) {
                // skipped
            }
        }
        return out;
    }

    // A name read from a stream the caller hands in: any class.
    static Class<?> fromStream(DataInputStream in) throws IOException, ClassNotFoundException {
        ClassLoader loader = GeneratedIndex.class.getClassLoader();
        String name = in.readUTF();
        return loader.loadClass(name); // want "own-classloader-lookup"
    }
}
