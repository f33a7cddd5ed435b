package org.acme.net;

import java.security.Provider;
import java.security.Security;

import com.sun.crypto.provider.SunJCE;

// Providers every JDK installs by default: addProvider refuses a second
// one of the same name (it returns -1), so nothing changes.
public class JdkProviders {
    public void init() {
        Security.addProvider(new sun.security.provider.Sun());
        Security.addProvider(new com.sun.net.ssl.internal.ssl.Provider());
        Security.insertProviderAt(new SunJCE(), 1);
        Security.addProvider(new com.ibm.crypto.provider.IBMJCE());
    }

    // A provider of the library's own, or one handed in, is a change.
    public void mine(Provider handed) {
        Security.addProvider(new org.acme.net.AcmeProvider()); // want "jvm-global-default-mutation"
        Security.addProvider(handed); // want "jvm-global-default-mutation"
        Security.addProvider(new sun.security.pkcs11.SunPKCS11("/etc/pkcs11.cfg")); // want "jvm-global-default-mutation"
    }
}
