package org.acme.ownnames;

// A getter one of whose bodies returns a name read at run time: what the
// getter returns is not the library's to choose.
public class Sources {
    interface Source {
        String sourceName();
    }

    static class Fixed implements Source {
        public String sourceName() {
            return "org.acme.ownnames.Sources";
        }
    }

    static class Configured implements Source {
        public String sourceName() {
            return System.getProperty("source.class");
        }
    }

    static Class<?> loadSource(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader"
    }

    Class<?> use(Source s) throws Exception {
        return loadSource(s.sourceName()); // want "class-forname-caller-loader" bytecode:-
    }
}
