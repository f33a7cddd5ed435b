package com.acme;

/** The application's own class (BOOT-INF/classes, WEB-INF/classes). */
public class App {
    public static void main(String[] args) throws Exception {
        Class<?> c = Class.forName("com.acme.lib.Util");
        System.out.println(c.getName());
    }
}
