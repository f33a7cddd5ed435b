package com.acme.pool;

import java.util.ServiceLoader;

// Reloads the providers of a service: the context loader decides.
public class Reloader implements Runnable {
    @Override
    public void run() {
        for (Runnable r : ServiceLoader.load(Runnable.class)) {
            r.run();
        }
    }
}
