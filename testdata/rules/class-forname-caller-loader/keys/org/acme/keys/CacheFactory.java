package org.acme.keys;

// One of the library's own module interfaces, named by a constant.
public interface CacheFactory {
    String MODULE = "org.acme.keys.CacheFactory";
}
