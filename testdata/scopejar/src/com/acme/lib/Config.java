package com.acme.lib;

// Library code beside the task: production.
public class Config {
    public static void apply(String region) {
        System.setProperty("acme.region", region);
    }
}
