// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/quorum/ObserverMaster.java and
// FollowerBean.java (Apache License 2.0). Safe: the size limit an MBean attribute sets only bounds a cache of
// recent committed packets (each read is the test of a loop that polls the oldest out, or a getter); any value
// gives every app the same answers, learners missing from a smaller cache get a snapshot instead.
package org.apache.zookeeper.server.quorum;

import java.util.concurrent.ConcurrentLinkedQueue;

public class ObserverMaster {
    private static volatile int pktsSizeLimit = Integer.getInteger("zookeeper.observerMaster.sizeLimit", 32 * 1024 * 1024);
    private ConcurrentLinkedQueue<byte[]> committedPkts = new ConcurrentLinkedQueue<>();
    private long pktsSize = 0;

    private synchronized void cacheCommittedPacket(final byte[] pkt) {
        committedPkts.add(pkt);
        pktsSize += pkt.length;
        // remove 5 packets for every one added as we near the size limit
        for (int i = 0; pktsSize > pktsSizeLimit * 0.8 && i < 5; i++) {
            byte[] oldPkt = committedPkts.poll();
            if (oldPkt == null) {
                pktsSize = 0;
                break;
            }
            pktsSize -= oldPkt.length;
        }
        // enforce the size limit as a hard cap
        while (pktsSize > pktsSizeLimit) {
            byte[] oldPkt = committedPkts.poll();
            if (oldPkt == null) {
                pktsSize = 0;
                break;
            }
            pktsSize -= oldPkt.length;
        }
    }

    int getPktsSizeLimit() {
        return pktsSizeLimit;
    }

    static void setPktsSizeLimit(final int sizeLimit) {
        pktsSizeLimit = sizeLimit;
    }
}

class FollowerBean {
    public void setObserverMasterPacketSizeLimit(int sizeLimit) {
        ObserverMaster.setPktsSizeLimit(sizeLimit);
    }
}
