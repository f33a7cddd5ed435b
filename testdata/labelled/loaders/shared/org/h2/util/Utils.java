// h2 2.2.219, src/main/org/h2/util/Utils.java (MPL-2.0 / EPL-1.0).
// Safe look-alike behind a helper: Utils.getResource(name) reads the
// resource it is handed through Utils.class, and every production caller
// (Bnf, DbException, Tool, the web server, the console's icons) hands it
// a path under /org/h2/, the library's own files.
package org.h2.util;

import java.io.IOException;
import java.io.InputStream;

public class Utils {
    public static byte[] getResource(String name) throws IOException {
        return loadResource(name);
    }

    private static byte[] loadResource(String name) throws IOException {
        InputStream in = Utils.class.getResourceAsStream(name);
        if (in == null) {
            return null;
        }
        return new byte[in.available()];
    }
}
