package org.apache.derby.iapi.tools.i18n;

/** Messages of the tools, also used by the network server at run time. */
public final class LocalizedResource {
    private static LocalizedResource local;

    public static LocalizedResource getInstance() {
        if (local == null) {
            local = new LocalizedResource();
        }
        return local;
    }
}
