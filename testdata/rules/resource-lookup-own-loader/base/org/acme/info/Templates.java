package org.acme.info;

import java.net.URL;

// The same shape, where a caller hands in a name from its own caller: an
// application's template is never found through the library's loader.
public class Templates {
    private URL find(String name) {
        return Templates.class.getResource(name); // want "resource-lookup-own-loader"
    }

    URL builtIn() {
        return find("/org/acme/info/templates/default.tpl");
    }

    public URL forApp(String template) {
        return find("/templates/" + template);
    }
}
