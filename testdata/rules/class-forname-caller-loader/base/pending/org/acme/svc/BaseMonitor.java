package org.acme.svc;

import java.util.Properties;

// The monitor: it loads the factory interface it is handed by name, with
// its own loader. Every project caller hands in a constant naming one of
// the library's own interfaces, through the facade and the interface.
class BaseMonitor implements ModuleFactory {
    public Object startSystemModule(String factoryInterface) throws Exception {
        return startModule(null, factoryInterface, null);
    }

    public Object bootServiceModule(boolean create, Object service, String factoryInterface, Properties p) throws Exception {
        return startModule(p, factoryInterface, null);
    }

    protected Object startModule(Properties p, String factoryInterface, String identifier) throws Exception {
        Class<?> c = Class.forName(factoryInterface);
        return c.getName();
    }
}
