// groovy 2.4.21, src/main/org/codehaus/groovy/runtime/DefaultGroovyStaticMethods.java (Apache License
// 2.0), trimmed. Safe look-alike: a helper that starts a thread and returns it to its caller does not
// own it; whoever keeps the returned thread decides when it ends.
package org.codehaus.groovy.runtime;

public class DefaultGroovyStaticMethods {
    public static Thread startDaemon(Thread self, String name, Runnable closure) {
        return createThread(name, true, closure);
    }

    private static Thread createThread(String name, boolean daemon, Runnable closure) {
        Thread thread = name != null ? new Thread(closure, name) : new Thread(closure);
        if (daemon) thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
