package org.acme.probe;

import java.lang.reflect.Method;

// After a presence probe for a class of another library succeeded, the
// lookups of other classes of that library's package with the same loader
// cannot miss: they come from the same jar. They are part of the probe.
class FollowUp {
    private static final String SESSION = "org.hibernate.Session";
    private static final String FACTORY = "org.hibernate.SessionFactory";
    private static final boolean PRESENT;

    static {
        boolean ok;
        try {
            Class.forName(SESSION); // want "class-forname-caller-loader" source:-
            ok = true;
        } catch (ClassNotFoundException e) {
            ok = false;
        }
        PRESENT = ok;
    }

    Object factory() throws Exception {
        if (!PRESENT) {
            return null;
        }
        Class<?> f = Class.forName(FACTORY);
        Method flush = Class.forName("org.hibernate.Session").getMethod("flush");
        return flush != null ? f : null;
    }

    Object ownLoader() throws Exception {
        ClassLoader cl = FollowUp.class.getClassLoader();
        Class<?> probe = cl.loadClass("org.jboss.logmanager.LogManager");
        Class<?> level = cl.loadClass("org.jboss.logmanager.Level");
        return probe != null ? level : null;
    }
}
