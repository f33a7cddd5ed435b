package fixtures.ctxfirst;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

// Names of the library's own files built in another class, resolved
// against the reading class's own package.
public class Metadata {
    static Properties read(boolean net) throws IOException {
        return new Reader().load("metadata" + (net ? "_net" : "") + ".properties");
    }

    static Properties readLocal(boolean net) throws IOException {
        String file = "metadata" + (net ? "_net" : "") + ".properties";
        return new Reader().load(file);
    }
}

class Reader {
    Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream(name)) {
            p.load(in);
        }
        return p;
    }
}

// A look-alike whose callers pass names from the root at run time.
class RootReader {
    InputStream open(String name) {
        return getClass().getResourceAsStream(name); // want "resource-lookup-own-loader"
    }

    InputStream user(String file) {
        return open("/" + file);
    }
}
