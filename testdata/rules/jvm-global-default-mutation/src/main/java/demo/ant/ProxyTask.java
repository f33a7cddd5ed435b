package demo.ant;

import java.net.Authenticator;
import java.net.PasswordAuthentication;

// A task through the project's base class in another file: what it
// changes is the build's JVM's.
public class ProxyTask extends BaseProxyTask {
    private String user = "";

    public void setUser(String user) {
        this.user = user;
    }

    protected void install() {
        Authenticator.setDefault(new Authenticator() {
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, new char[0]);
            }
        });
    }
}
