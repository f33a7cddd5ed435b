// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/ZooKeeperMain.java
// (Apache License 2.0), shortened: the command-line client. main creates the
// shell, whose constructor connects (a property write, an exit through the
// ServiceUtils helper of ZooKeeperServiceUtils.java on a bad configuration),
// then runs the command loop, where executeLine, processCmd and processZKCmd
// call each other. Only main reaches any of it, through a constructor and a
// cycle: the process is the command line's own, so nothing here is a finding.
package org.apache.zookeeper;

import org.apache.zookeeper.util.ServiceUtils;

public class ZooKeeperMain {
    protected String host = "";
    protected int exitCode = 0;
    protected java.util.Map<String, String> options = new java.util.HashMap<>();

    protected void connectToZK(String newHost) throws java.io.IOException {
        host = newHost;
        if (options.get("secure") != null) {
            System.setProperty("zookeeper.client.secure", "true");
            System.out.println("Secure connection is enabled");
        }
        if (options.get("client-configuration") == null) {
            ServiceUtils.requestSystemExit(2);
        }
    }

    public static void main(String[] args) throws java.io.IOException {
        ZooKeeperMain main = new ZooKeeperMain(args);
        main.run();
    }

    public ZooKeeperMain(String[] args) throws java.io.IOException {
        System.out.println("Connecting to " + args[0]);
        connectToZK(args[0]);
    }

    void run() throws java.io.IOException {
        java.io.BufferedReader br = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        String line;
        while ((line = br.readLine()) != null) {
            executeLine(line);
        }
        ServiceUtils.requestSystemExit(exitCode);
    }

    public void executeLine(String line) throws java.io.IOException {
        if (!line.isEmpty()) {
            processCmd(line);
        }
    }

    protected boolean processCmd(String co) throws java.io.IOException {
        return processZKCmd(co);
    }

    protected boolean processZKCmd(String co) throws java.io.IOException {
        if (co.equals("quit")) {
            ServiceUtils.requestSystemExit(exitCode);
        }
        if (co.equals("redo")) {
            processCmd(co);
        }
        if (co.equals("connect")) {
            connectToZK(host);
        }
        return true;
    }
}
