// zookeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/common/X509Util.java (Apache-2.0).
// Hazard: the SSLContext supplier class is read from the client's or the
// server's configuration with no default of ZooKeeper's: it is the user's
// class, and a module that configures a client in a shared ZooKeeper names
// one the base's loader cannot see.
package org.apache.zookeeper.common;

import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

public abstract class X509Util {
    private String sslContextSupplierClassProperty;

    @SuppressWarnings("unchecked")
    public SSLContextAndOptions createSSLContextAndOptions(ZKConfig config) throws SSLContextException {
        final String supplierContextClassName = config.getProperty(sslContextSupplierClassProperty);
        if (supplierContextClassName != null) {
            try {
                Class<?> sslContextClass = Class.forName(supplierContextClassName); // want "class-forname-caller-loader:high"
                Supplier<SSLContext> sslContextSupplier = (Supplier<SSLContext>) sslContextClass.getConstructor().newInstance();
                return new SSLContextAndOptions(this, config, sslContextSupplier.get());
            } catch (Exception e) {
                throw new SSLContextException("Could not retrieve the SSLContext from supplier", e);
            }
        }
        return null;
    }
}
