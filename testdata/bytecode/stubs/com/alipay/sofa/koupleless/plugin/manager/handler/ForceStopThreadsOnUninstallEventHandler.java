package com.alipay.sofa.koupleless.plugin.manager.handler;

public class ForceStopThreadsOnUninstallEventHandler {
    public static Thread manageThread(Thread thread) { return null; }
}
