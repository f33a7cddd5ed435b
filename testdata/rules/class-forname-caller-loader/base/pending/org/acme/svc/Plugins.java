package org.acme.svc;

import java.util.Properties;

// The same shape as Monitor, where one caller hands in a name read from
// configuration through the interface: the lookup stays a hazard.
// The names of the plugins the library ships.
interface PluginNames {
    String Store = "org.acme.svc.StorePlugin";
}

interface PluginFactory {
    Object startPlugin(String factoryInterface) throws Exception;
}

final class Plugins {
    private static PluginFactory factory = new BasePlugins();

    private Plugins() {
    }

    static PluginFactory getFactory() {
        return factory;
    }

    static Object startPlugin(String factoryInterface) throws Exception {
        return getFactory().startPlugin(factoryInterface);
    }
}

class BasePlugins implements PluginFactory {
    public Object startPlugin(String factoryInterface) throws Exception {
        return load(factoryInterface, null); // want "class-forname-caller-loader" bytecode:-
    }

    protected Object load(String factoryInterface, Properties p) throws Exception {
        return Class.forName(factoryInterface).getName(); // want "class-forname-caller-loader"
    }
}

class PluginUsers {
    Object boot(Properties p) throws Exception {
        Plugins.startPlugin(PluginNames.Store);
        return Plugins.startPlugin(p.getProperty("plugin"));
    }
}
