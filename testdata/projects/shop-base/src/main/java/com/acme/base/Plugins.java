package com.acme.base;

/** The same code in each project: the role decides how severe it is. */
public class Plugins {
    public Object load(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance();
    }

    public void stop() {
        System.exit(0);
    }

    public void configure(String appId) {
        System.setProperty("app.id", appId);
    }
}
