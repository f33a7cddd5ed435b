// h2 2.2.219, src/main/org/h2/bnf/Bnf.java and src/main/org/h2/server/web/WebServer.java (MPL-2.0 / EPL-1.0).
// The callers of Utils.getResource: constant paths of the library's own
// resources, or its own resource directory before a file name.
package org.h2.bnf;

import java.io.IOException;
import org.h2.util.Utils;

public class Bnf {
    public static byte[] help() throws IOException {
        return Utils.getResource("/org/h2/res/help.csv");
    }

    public static byte[] webFile(String file) throws IOException {
        return Utils.getResource("/org/h2/server/web/res/" + file);
    }
}
