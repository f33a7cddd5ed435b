package org.apache.catalina.startup;

import org.apache.catalina.core.StandardHost;

public class Tomcat extends Unknown {
    private StandardHost host;
}
