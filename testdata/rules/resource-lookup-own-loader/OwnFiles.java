package fixtures.own;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

// The library's own files, named where the library fixes them: not an
// application's resource, whatever the loader.
public class OwnFiles {
    private static final String DEFAULTS = "/fixtures/own/defaults.properties";
    private static final String PKG_PATH = "/fixtures/own";
    private static final String VERSION = PKG_PATH + "/version.properties";
    private static final String APP_CONFIG = "/application.properties";

    // A constant field of this class.
    InputStream defaults() {
        return OwnFiles.class.getResourceAsStream(DEFAULTS);
    }

    // A constant built from constants.
    URL version() {
        return getClass().getResource(VERSION);
    }

    // A constant another class of the library declares.
    URL shared() {
        return OwnFiles.class.getResource(Names.BANNER);
    }

    // A local assigned string literals only.
    InputStream types(boolean encodings) {
        String name = "/fixtures/own/mime.properties";
        if (encodings) {
            name = "/fixtures/own/encoding.properties";
        }
        return OwnFiles.class.getResourceAsStream(name); // want "resource-lookup-own-loader" source:-
    }

    // A private helper whose callers all pass fixed names.
    private static InputStream load(String name) {
        return OwnFiles.class.getResourceAsStream(name); // want "resource-lookup-own-loader" source:-
    }

    static InputStream both() {
        InputStream a = load("/fixtures/own/a.dat");
        return a != null ? a : load(DEFAULTS);
    }

    // The system loader only when this class has none (the bootstrap
    // loader), which never happens in a shared JVM. (The own loader with a
    // name the caller hands in is own-classloader-lookup's.)
    static Enumeration<URL> all(String name) throws IOException {
        ClassLoader cl = OwnFiles.class.getClassLoader();
        return cl == null ? ClassLoader.getSystemResources(name) : cl.getResources(name); // want "own-classloader-lookup" "resource-lookup-own-loader" source:-
    }

    static URL one(String name) {
        ClassLoader cl = OwnFiles.class.getClassLoader();
        if (cl == null) return ClassLoader.getSystemResource(name); // want "resource-lookup-own-loader" source:-
        return cl.getResource(name); // want "own-classloader-lookup"
    }

    // Still reported: an application's file by a constant, and a name the
    // caller hands in.
    InputStream appConfig() {
        return OwnFiles.class.getResourceAsStream(APP_CONFIG); // want "resource-lookup-own-loader"
    }

    InputStream config(String file) {
        return getClass().getResourceAsStream(file); // want "resource-lookup-own-loader"
    }

    // A local assigned a value read at run time is not fixed.
    InputStream chosen(java.util.Properties props) {
        String name = "/fixtures/own/mime.properties";
        name = props.getProperty("mime.file");
        return OwnFiles.class.getResourceAsStream(name); // want "resource-lookup-own-loader"
    }

    // A public helper: its callers are not all known.
    public static InputStream open(String name) {
        return OwnFiles.class.getResourceAsStream(name); // want "resource-lookup-own-loader"
    }
}

class Names {
    static final String BANNER = "/fixtures/own/banner.txt";
}

