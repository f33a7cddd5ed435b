package com.acme.biz;

/** A module class: the root of an ark-biz. */
public class Module {
    public void start() {
        System.setProperty("module.started", "true");
    }
}
