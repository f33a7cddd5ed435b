// jetty 9.4.57, jetty-io/src/main/java/org/eclipse/jetty/io/IncludeExcludeConnectionStatistics.java (EPL-2.0 / Apache-2.0).
// Hazard behind a helper: public API taking class names (set from jetty XML
// or code) that a private helper loads with Class.forName, the library's own
// loader: a module's Connection class is not found.
package org.eclipse.jetty.io;

public class IncludeExcludeConnectionStatistics {
    public void include(String className) throws ClassNotFoundException {
        add(connectionForName(className)); // want "class-forname-caller-loader"
    }

    public void include(Class<?> clazz) {
        add(clazz);
    }

    private void add(Class<?> c) {
    }

    private Class<?> connectionForName(String className) throws ClassNotFoundException {
        Class<?> aClass = Class.forName(className); // want "class-forname-caller-loader"
        return aClass;
    }
}
