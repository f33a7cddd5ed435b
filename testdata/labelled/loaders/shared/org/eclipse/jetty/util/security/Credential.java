// jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/security/Credential.java
// (EPL-2.0 / Apache-2.0), trimmed. Hazard for serviceloader-default-loader:
// the providers of credentials, an extension point apps fill, are looked
// up once with the context loader of whichever thread first initialises
// the class, and that lookup is every app's.
package org.eclipse.jetty.util.security;

import java.io.Serializable;
import java.util.ServiceLoader;

public abstract class Credential implements Serializable
{
    private static final ServiceLoader<CredentialProvider> CREDENTIAL_PROVIDER_LOADER = ServiceLoader.load(CredentialProvider.class); // want "serviceloader-default-loader"

    public abstract boolean check(Object credentials);

    public static Credential getCredential(String credential)
    {
        for (CredentialProvider cp : CREDENTIAL_PROVIDER_LOADER)
        {
            if (credential.startsWith(cp.getPrefix()))
            {
                final Credential credentialObj = cp.getCredential(credential);
                if (credentialObj != null)
                    return credentialObj;
            }
        }
        return null;
    }

    public interface CredentialProvider
    {
        Credential getCredential(String credential);

        String getPrefix();
    }
}
