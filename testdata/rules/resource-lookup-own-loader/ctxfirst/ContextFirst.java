package fixtures.ctxfirst;

import java.io.InputStream;
import java.net.URL;
import java.util.ResourceBundle;

// Lookups through a loader chosen context-first: the helper of another
// class returns the thread context loader, and the own or system loader
// is tried only when it finds nothing.
public class ContextFirst {
    // The context loader's lookup first, the own class's as the fallback.
    static URL find(String name) {
        ClassLoader ctx = LoaderUtil.getStandardClassLoader();
        URL u = ctx.getResource(name);
        if (u == null) {
            u = ContextFirst.class.getResource(name);
        }
        return u;
    }

    // A loop over the loaders, the system loader last.
    static URL loop(String name) {
        for (ClassLoader cl : new ClassLoader[] {LoaderUtil.getStandardClassLoader(), ContextFirst.class.getClassLoader()}) {
            URL u = cl == null ? null : cl.getResource(name);
            if (u != null) {
                return u;
            }
        }
        return ClassLoader.getSystemResource(name);
    }

    // A try of the context loader first.
    static InputStream open(String name) {
        try {
            InputStream in = LoaderUtil.getStandardClassLoader().getResourceAsStream(name);
            if (in != null) {
                return in;
            }
        } catch (SecurityException e) {
            // no access to the context loader
        }
        return ContextFirst.class.getResourceAsStream(name);
    }

    // A helper of this class one hop away.
    static ClassLoader loader() {
        return LoaderUtil.getStandardClassLoader();
    }

    static InputStream viaOwnHelper(String name) {
        InputStream in = loader().getResourceAsStream(name);
        if (in != null) {
            return in;
        }
        return ContextFirst.class.getResourceAsStream(name);
    }

    // The same look-up with no context-first choice stays a note.
    static URL plain(String name) {
        return ContextFirst.class.getResource(name); // want "resource-lookup-own-loader"
    }

    // A helper called first that returns no loader decides nothing.
    static URL afterOther(String name) {
        String n = normalize(name);
        return ContextFirst.class.getResource(n); // want "resource-lookup-own-loader"
    }

    static String normalize(String name) {
        return name.trim();
    }

    static ResourceBundle bundle(String name) {
        ClassLoader ctx = LoaderUtil.getStandardClassLoader();
        try {
            return ResourceBundle.getBundle(name, java.util.Locale.getDefault(), ctx);
        } catch (RuntimeException e) {
            return ResourceBundle.getBundle(name);
        }
    }
}
