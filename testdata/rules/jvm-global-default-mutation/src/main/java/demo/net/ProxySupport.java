package demo.net;

import java.net.Authenticator;

// Library code an application calls: the same change, in the shared JVM.
public class ProxySupport {
    public void install(Authenticator auth) {
        Authenticator.setDefault(auth); // want "jvm-global-default-mutation:high"
    }
}
