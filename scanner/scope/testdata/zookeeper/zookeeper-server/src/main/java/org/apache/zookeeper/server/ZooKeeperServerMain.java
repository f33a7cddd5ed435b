package org.apache.zookeeper.server;

public class ZooKeeperServerMain {
}
