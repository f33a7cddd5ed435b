// Groovy 2.4.21, src/main/org/codehaus/groovy/tools/shell/util/Preferences.java (Apache License 2.0).
// Safe: the interactive shell's (groovysh) verbosity, a command-line tool's own process state.
package org.codehaus.groovy.tools.shell.util;

public class Preferences {
    public static String verbosity;

    public static void put(String name, String value) {
        if ("verbosity".equals(name)) {
            verbosity = value;
        }
    }
}
