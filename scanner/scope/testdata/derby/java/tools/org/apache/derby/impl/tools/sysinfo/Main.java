package org.apache.derby.impl.tools.sysinfo;

/** Prints the Derby and JVM versions found on the class path. */
public final class Main {
    public static void main(String[] args) {
        System.out.println(System.getProperty("java.version"));
        System.exit(0);
    }
}
