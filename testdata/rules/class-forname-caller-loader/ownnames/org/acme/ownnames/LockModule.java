package org.acme.ownnames;

public interface LockModule {
    String MODULE = "org.acme.ownnames.LockModule";
    // A name of a class the project does not define.
    String EXTERNAL = "com.example.plugin.LockImpl";
}
