package org.acme.svc;

import java.util.Properties;

// The static facade every module starts its own modules through.
public final class Monitor {
    private static ModuleFactory monitor = new BaseMonitor();

    private Monitor() {
    }

    public static ModuleFactory getMonitor() {
        return monitor;
    }

    public static Object startSystemModule(String factoryInterface) throws Exception {
        return getMonitor().startSystemModule(factoryInterface);
    }

    public static Object bootServiceModule(boolean create, Object service, String factoryInterface, Properties p) throws Exception {
        return monitor.bootServiceModule(create, service, factoryInterface, p);
    }

    public static Object findSystemModule(String factoryInterface) throws Exception {
        return startSystemModule(factoryInterface);
    }
}
