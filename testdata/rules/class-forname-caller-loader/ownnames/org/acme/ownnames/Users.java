package org.acme.ownnames;

// Callers passing constants of the project (an interface's field, a
// getter returning one, a class literal's name) and callers passing
// run-time names, a configuration value, or a constant naming a class the
// project does not define.
public class Users {
    Object store() {
        return Facade.find(StoreModule.MODULE);
    }

    Object lock() {
        return Facade.find(getLockModule());
    }

    Object self() {
        return Facade.find(Users.class.getName());
    }

    public String getLockModule() {
        return LockModule.MODULE;
    }

    Object bootStore() {
        return Facade.boot(StoreModule.MODULE);
    }

    Object bootConfigured(java.util.Properties p) {
        return Facade.boot(p.getProperty("store.class"));
    }

    Object fielded() {
        return Facade.fielded(StoreModule.MODULE);
    }
}
