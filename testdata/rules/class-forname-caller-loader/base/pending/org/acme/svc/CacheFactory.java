package org.acme.svc;

public interface CacheFactory {
    String MODULE = "org.acme.svc.CacheFactory";
}
