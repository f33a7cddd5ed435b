package fixtures.forname;

import java.lang.reflect.Method;

// Constant probes of another library whose absence a catch answers: the
// code runs without the class, and the loader only decides an optional
// feature. A catch that throws makes the class required (kept at info);
// a name that is not a constant keeps the rule's severity.
class OptionalProbes {
    private static final String IMAGE_INFO = "org.graalvm.nativeimage.ImageInfo";
    private static Method resolve;
    private static Class<?> waiting;

    static {
        try {
            // Detect Equinox (a comment's apostrophe: it's skipped)
            Class<?> locator = Class.forName("org.eclipse.core.runtime.FileLocator"); // want "class-forname-caller-loader:info" source:-
            resolve = locator.getMethod("resolve", java.net.URL.class);
        } catch (Throwable ex) {
            resolve = null;
        }
        try {
            waiting = OptionalProbes.class.getClassLoader().loadClass("org.mortbay.util.ajax.WaitingContinuation"); // want "class-forname-caller-loader:info" source:-
        } catch (Exception ignored) {
        } finally {
            waiting = waiting == null ? Object.class : waiting;
        }
    }

    static boolean inImage() {
        try {
            return (Boolean) Class.forName(IMAGE_INFO).getMethod("inImageCode").invoke(null); // want "class-forname-caller-loader:info" source:-
        } catch (ClassNotFoundException e) {
            return Boolean.getBoolean("native.image");
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    Object jsp() {
        try {
            Class<?> cl = getClass().getClassLoader().loadClass("org.apache.jasper.servlet.JspServlet"); // want "class-forname-caller-loader:info" source:-
            return cl;
        } catch (IllegalStateException | ClassNotFoundException e) {
            e.getMessage();
            return null;
        }
    }

    // Required: the catch throws.
    Object required() {
        try {
            return Class.forName("org.jboss.resource.work.JBossWorkManagerMBean"); // want "class-forname-caller-loader:hint"
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JBoss API is not available", e);
        }
    }

    // A catch of something else: absence is not answered here.
    Object other() throws ClassNotFoundException {
        try {
            return Class.forName("org.slf4j.Logger"); // want "class-forname-caller-loader:hint"
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // A try that ends before the lookup.
    Object after() throws ClassNotFoundException {
        try {
            System.out.flush();
        } catch (Exception e) {
            return null;
        }
        return Class.forName("org.slf4j.Logger"); // want "class-forname-caller-loader:hint"
    }

    // A hook users fill, in a package mirroring this one's: a module's
    // class there goes unseen, whatever the fallback.
    Object hook() {
        try {
            return Class.forName("custom.fixtures.forname.CustomHandle"); // want "class-forname-caller-loader:hint"
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    // A name from outside, under the same catch: still a hazard.
    Object named(String name) {
        try {
            return Class.forName(name); // want "class-forname-caller-loader"
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    // A helper whose every caller passes a constant of another library,
    // its absence answered: a probe of optional features.
    private static boolean present(String className) {
        try {
            Class.forName(className).getName(); // want "class-forname-caller-loader:info" source:-
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean features() {
        return present("org.slf4j.Logger") && present("com.fasterxml.jackson.databind.ObjectMapper");
    }
}
