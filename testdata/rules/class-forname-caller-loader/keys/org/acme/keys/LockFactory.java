package org.acme.keys;

// One of the library's own module interfaces, named by a constant.
public interface LockFactory {
    String MODULE = "org.acme.keys.LockFactory";
}
