package com.alipay.sofa.koupleless.plugin.concurrent;

public class KouplelessRunnable implements Runnable {
    public static Runnable wrap(Runnable task) { return null; }
    public void run() { }
}
