package org.acme.ownnames;

// A project interface whose every implementation returns a constant.
public interface Store {
    String storeName();
}
