package org.acme.lookup;

import java.util.Properties;

// A module system starting the library's own modules by the names of
// their factory interfaces: every caller, through public wrappers, hands
// in a constant naming a class of the project.
interface StoreFactory {
    String MODULE = "org.acme.lookup.StoreFactory";
}

interface AccessFactory {
    String MODULE = "org.acme.lookup.AccessFactory";
}

class ModuleMonitor {
    static Object startSystemModule(String factoryInterface) throws Exception {
        return new ModuleMonitor().startModule(false, factoryInterface, null);
    }

    static Object bootServiceModule(boolean create, String factoryInterface, Properties p) throws Exception {
        ModuleMonitor m = new ModuleMonitor();
        return m.startModule(create, factoryInterface, p);
    }

    Object startModule(boolean create, String factoryInterface, Properties p) throws Exception {
        return Class.forName(factoryInterface).getName(); // want "class-forname-caller-loader" source:-
    }
}

class ModuleBoot {
    void boot() throws Exception {
        ModuleMonitor.startSystemModule(StoreFactory.MODULE);
        ModuleMonitor.bootServiceModule(true, AccessFactory.MODULE, null);
    }
}

// The same shape, where a caller of the wrapper hands in a configured name.
class PluginMonitor {
    static Object startPlugin(String factoryInterface) throws Exception {
        return new PluginMonitor().load(factoryInterface); // want "class-forname-caller-loader" bytecode:-
    }

    Object load(String factoryInterface) throws Exception {
        return Class.forName(factoryInterface).getName(); // want "class-forname-caller-loader"
    }
}

class PluginBoot {
    void boot(Properties p) throws Exception {
        PluginMonitor.startPlugin(StoreFactory.MODULE);
        PluginMonitor.startPlugin(p.getProperty("plugin"));
    }
}

// An overload of the same name handing in a configured field is a caller
// like any other, not the lookup calling itself.
class DriverSource {
    private String driverClassName;

    void loadDriver() throws Exception {
        loadDriver(driverClassName);
    }

    void loadDriver(String className) throws Exception {
        Class.forName(className); // want "class-forname-caller-loader"
    }
}
