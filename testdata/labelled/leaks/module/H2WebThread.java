// h2database 2.1.214, h2/src/main/org/h2/server/web/WebThread.java (MPL 2.0 / EPL 1.0), trimmed.
// Safe look-alike: the H2 console's thread for one accepted connection; its loop ends when the
// connection does (process() returns false) or when stopNow() sets the inherited stop flag.
package org.h2.server.web;

import java.io.IOException;
import java.net.Socket;

class WebThread extends WebApp implements Runnable {
    protected final Socket socket;
    private final Thread thread;

    WebThread(Socket socket, WebServer server) {
        super(server);
        this.socket = socket;
        thread = new Thread(this, "H2 Console thread");
    }

    void start() {
        thread.start();
    }

    void stopNow() {
        this.stop = true;
        try {
            socket.close();
        } catch (IOException e) {
            // ignore
        }
    }

    @Override
    public void run() {
        try {
            while (!stop) {
                if (!process()) {
                    break;
                }
            }
        } catch (Exception e) {
            // traced
        }
    }

    private boolean process() throws IOException {
        return socket.getInputStream().read() >= 0;
    }
}
