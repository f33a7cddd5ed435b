package org.acme.ownnames;

// A module interface of the library, named by a constant its callers pass.
public interface StoreModule {
    String MODULE = "org.acme.ownnames.StoreModule";
}
