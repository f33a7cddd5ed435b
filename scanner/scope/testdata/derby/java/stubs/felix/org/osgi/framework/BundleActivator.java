package org.osgi.framework;

/** A stub of the OSGi API, on the compile class path only. */
public interface BundleActivator {
    void start(BundleContext context) throws Exception;

    void stop(BundleContext context) throws Exception;
}
