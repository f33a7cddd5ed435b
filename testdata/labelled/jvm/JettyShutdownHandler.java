// Jetty 9.4.57, jetty-server/src/main/java/org/eclipse/jetty/server/handler/ShutdownHandler.java
// (Apache License 2.0 / EPL 1.0). A request handler stops the server on a
// thread of its own and, when _exitJvm is set, ends the JVM inside the
// private helper shutdownServer: the exit is reported there, and the call of
// the helper (from an anonymous Thread's run) with the helper related.
// _exitJvm is off by default and only the public setter turns it on: the
// exit is the handler's opt-in, a note where it sits.
package org.eclipse.jetty.server.handler;

import org.eclipse.jetty.server.Server;

public class ShutdownHandler {
    private boolean _exitJvm = false;

    void doShutdown(final Server server) {
        new Thread() {
            @Override
            public void run() {
                try {
                    shutdownServer(server); // want "system-exit"
                } catch (Exception e) {
                    throw new RuntimeException("Shutting down server", e);
                }
            }
        }.start();
    }

    private void shutdownServer(Server server) throws Exception {
        server.stop();
        if (_exitJvm) {
            System.exit(0); // want "system-exit:low"
        }
    }

    // Safe: a setter of the switch ends nothing.
    public void setExitJvm(boolean exitJvm) {
        this._exitJvm = exitJvm;
    }
}
