package org.eclipse.jetty.start;

public class Main {
    public static void main(String[] args) {
        System.exit(1);
    }
}
