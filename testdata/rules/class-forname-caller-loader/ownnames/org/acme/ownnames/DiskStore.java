package org.acme.ownnames;

public class DiskStore implements Store {
    public String storeName() {
        return StoreModule.MODULE;
    }
}
