// logback 1.2.x, logback-access/src/main/java/ch/qos/logback/access/net/SimpleSocketServer.java
// (EPL 1.0 / LGPL 2.1), trimmed. Safe look-alike: the port and the context are static fields written at
// run time, but only by init(port, configFile), which only the class's own main calls: the fields belong to
// the process a command line started, which no app shares. The call graph settles it (only entry points
// reach the writer).
package ch.qos.logback.access.net;

import java.net.ServerSocket;
import java.net.Socket;

public class SimpleSocketServer {

    static int port;

    private static Object basicContext;

    public static void main(String argv[]) throws Exception {
        if (argv.length == 2) {
            init(argv[0], argv[1]);
        } else {
            usage("Wrong number of arguments.");
        }

        runServer();
    }

    static void runServer() {
        try {
            ServerSocket serverSocket = new ServerSocket(port);
            while (true) {
                Socket socket = serverSocket.accept();
                socket.close();
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    static void usage(String msg) {
        System.err.println(msg);
        System.err.println("Usage: java " + SimpleSocketServer.class.getName() + " port configFile");
        System.exit(1);
    }

    static void init(String portStr, String configFile) {
        try {
            port = Integer.parseInt(portStr);
        } catch (java.lang.NumberFormatException e) {
            e.printStackTrace();
            usage("Could not interpret port number [" + portStr + "].");
        }

        basicContext = new StringBuilder(configFile);
    }
}
