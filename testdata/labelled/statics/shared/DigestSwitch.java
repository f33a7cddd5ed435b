// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/ZooKeeperServer.java and
// quorum/QuorumBean.java (Apache License 2.0). Hazard (a shared switch, a note): the only caller of the setter
// passes a constant, but from an MBean operation that exists to turn digests off; whichever app's server is
// told to, every server in the JVM stops computing digests. A one-call method storing a value other than the
// field's own initial one is an app's choice, not the library's set-up.
package org.apache.zookeeper.server;

public class ZooKeeperServer {
    private static boolean digestEnabled; // want "static-mutable-state:low"

    static {
        digestEnabled = Boolean.parseBoolean(System.getProperty("zookeeper.digest.enabled", "true"));
    }

    public static boolean isDigestEnabled() {
        return digestEnabled;
    }

    public static void setDigestEnabled(boolean digestEnabled) {
        ZooKeeperServer.digestEnabled = digestEnabled;
    }
}

class QuorumBean {
    public void disableDigest() {
        ZooKeeperServer.setDigestEnabled(false);
    }
}
