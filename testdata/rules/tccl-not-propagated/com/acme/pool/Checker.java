package com.acme.pool;

// A health check that only opens and closes a socket.
public class Checker implements Runnable {
    private final String host;

    public Checker(String host) {
        this.host = host;
    }

    @Override
    public void run() {
        try (java.net.Socket s = new java.net.Socket(host, 80)) {
            s.setSoTimeout(100);
        } catch (java.io.IOException e) {
            // down
        }
    }
}
