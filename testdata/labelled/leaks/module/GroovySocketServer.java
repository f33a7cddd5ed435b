// groovy 2.4.21, src/main/groovy/ui/GroovySocketServer.java (Apache License 2.0), trimmed.
// Hazard: the constructor starts a thread running an endless accept loop that nothing stops; in a
// module it outlives the uninstall. Safe look-alike beside it: each accepted connection's thread
// reads its socket to the end and closes it.
package groovy.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;

public class GroovySocketServer implements Runnable {
    private final int port;

    public GroovySocketServer(int port) {
        this.port = port;
        new Thread(this).start(); // want "thread-leak"
    }

    public void run() {
        try {
            ServerSocket serverSocket = new ServerSocket(port);
            while (true) {
                new GroovyClientConnection(serverSocket.accept());
            }
        } catch (Exception e) {
            // reported
        }
    }

    class GroovyClientConnection implements Runnable {
        private final Socket socket;
        private final BufferedReader reader;

        GroovyClientConnection(Socket socket) throws IOException {
            this.socket = socket;
            reader = new BufferedReader(new InputStreamReader(socket.getInputStream()));
            new Thread(this, "Groovy client connection").start();
        }

        public void run() {
            String line;
            try {
                while ((line = reader.readLine()) != null) {
                    System.getProperty(line);
                }
            } catch (IOException e) {
                // reported
            } finally {
                try {
                    socket.close();
                } catch (IOException e3) {
                    // reported
                }
            }
        }
    }
}
