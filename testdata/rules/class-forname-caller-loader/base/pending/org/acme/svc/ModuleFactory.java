package org.acme.svc;

import java.util.Properties;

// The monitor's interface: the static facade calls the running monitor
// through it.
public interface ModuleFactory {
    Object startSystemModule(String factoryInterface) throws Exception;

    Object bootServiceModule(boolean create, Object service, String factoryInterface, Properties p) throws Exception;
}
