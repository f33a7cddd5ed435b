package com.acme.app;

public class App {
    public static void main(String[] args) throws Exception {
        System.out.println(com.acme.lib.PluginLoader.load(args[0]));
    }
}
