package com.example.order;

/** Tests may do what production code must not: nothing here is reported. */
public class PluginRegistryTest {
    public void loadsPlugins() throws Exception {
        System.setProperty("test.mode", "true");
        Class.forName("com.example.order.PluginRegistry");
    }
}
