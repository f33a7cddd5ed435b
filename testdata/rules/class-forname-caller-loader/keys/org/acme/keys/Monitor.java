package org.acme.keys;

// Every key the project makes names one of its own interfaces, directly
// or through a factory whose callers all pass such constants: the lookup
// of the key's interface is of the library's own classes.
public class Monitor {
    public Object startModule(ProtocolKey key) throws Exception {
        Class<?> c = Class.forName(key.getFactoryInterface());
        return c.getName();
    }

    Object find(ProtocolKey key) throws Exception {
        String name = key.getFactoryInterface();
        return Class.forName(name).getName();
    }

    Object open(String factoryInterface) throws Exception {
        return Class.forName(factoryInterface).getName();
    }

    Object openKey(ProtocolKey key) throws Exception {
        return open(key.getFactoryInterface());
    }

    void boot() throws Exception {
        startModule(new ProtocolKey(CacheFactory.MODULE, "cache"));
        find(ProtocolKey.of(LockFactory.MODULE));
        find(ProtocolKey.of("org.acme.keys.CacheFactory"));
    }
}
