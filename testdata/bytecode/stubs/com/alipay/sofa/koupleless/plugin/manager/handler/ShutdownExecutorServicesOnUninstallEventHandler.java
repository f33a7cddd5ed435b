package com.alipay.sofa.koupleless.plugin.manager.handler;

import java.util.concurrent.ExecutorService;

public class ShutdownExecutorServicesOnUninstallEventHandler {
    public static <T extends ExecutorService> T manageExecutorService(T executor) { return null; }
}
