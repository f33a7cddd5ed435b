package org.acme.svc;

// The names of the library's own modules, by their factory interfaces:
// interface constants named like the interfaces they stand for.
public interface Module {
    String CacheFactory = "org.acme.svc.CacheFactory";
    String LockFactory = "org.acme.svc.LockFactory";
}
