// jetty9 9.4.57, jetty-server/src/main/java/org/eclipse/jetty/server/CustomRequestLog.java (Apache
// License 2.0 / EPL 1.0), trimmed. Safe look-alike: a self-filling static ThreadLocal that is never
// removed, but holds a StringBuilder: a JDK class cannot pin a module's ClassLoader.
package org.eclipse.jetty.server;

public class CustomRequestLog {
    private static final ThreadLocal<StringBuilder> _buffers = ThreadLocal.withInitial(() -> new StringBuilder(256));

    public String log(String uri) {
        StringBuilder sb = _buffers.get();
        sb.setLength(0);
        sb.append(uri);
        return sb.toString();
    }
}
