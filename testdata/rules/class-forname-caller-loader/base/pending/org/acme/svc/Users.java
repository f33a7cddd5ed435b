package org.acme.svc;

import java.util.Properties;

// The library's own modules starting each other.
class CacheService {
    Object boot(Properties p) throws Exception {
        Monitor.startSystemModule(Module.LockFactory);
        Monitor.findSystemModule("org.acme.svc.LockFactory");
        return Monitor.bootServiceModule(false, this, CacheFactory.MODULE, p);
    }
}

class LockService {
    Object boot() throws Exception {
        return Monitor.getMonitor().startSystemModule(Module.CacheFactory);
    }
}
