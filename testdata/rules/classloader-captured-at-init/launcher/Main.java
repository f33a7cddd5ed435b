package demo.start;

import java.io.InputStream;

// A launcher class runs in the process its main starts, never in a JVM
// shared with other apps: what its initialiser captures is that
// process's loader.
public class Main {
    private static final String VERSION;

    static {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String v = null;
        try (InputStream in = loader.getResourceAsStream("start/version.properties")) {
            v = in == null ? null : "unknown";
        } catch (java.io.IOException e) {
            v = null;
        }
        VERSION = v;
    }

    public static void main(String[] args) {
        System.out.println(VERSION + " " + args.length);
    }
}
