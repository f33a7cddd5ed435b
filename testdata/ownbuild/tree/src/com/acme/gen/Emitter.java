package com.acme.gen;

public class Emitter {
    public void save(String path) {
        if (path == null) {
            Messages.hardErr("no path");
        }
    }
}
