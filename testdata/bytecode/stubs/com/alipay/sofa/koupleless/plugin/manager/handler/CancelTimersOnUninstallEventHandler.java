package com.alipay.sofa.koupleless.plugin.manager.handler;

import java.util.Timer;

public class CancelTimersOnUninstallEventHandler {
    public static Timer manageTimer(Timer timer) { return null; }
}
