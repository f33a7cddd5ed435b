// Jetty 9.4.57, jetty-server/src/main/java/org/eclipse/jetty/server/HttpConnection.java (Apache License 2.0 / EPL 1.0).
// Safe: the setter hands back the connection it replaces, and onFillable puts it back in finally.
package org.eclipse.jetty.server;

public class HttpConnection {
    private static final ThreadLocal<HttpConnection> __currentConnection = new ThreadLocal<>();

    public static HttpConnection getCurrentConnection() {
        return __currentConnection.get();
    }

    protected static HttpConnection setCurrentConnection(HttpConnection connection) {
        HttpConnection last = __currentConnection.get();
        __currentConnection.set(connection);
        return last;
    }

    public void onFillable() {
        HttpConnection last = setCurrentConnection(this);
        try {
            handle();
        } finally {
            setCurrentConnection(last);
        }
    }

    private void handle() {
    }
}
