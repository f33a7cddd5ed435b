package com.alipay.sofa.koupleless.adapter.thread;

public class BizRunnable implements Runnable {
    public BizRunnable(Runnable task) { }
    public void run() { }
}
