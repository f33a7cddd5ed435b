package org.eclipse.jetty.ant;

import org.eclipse.jetty.webapp.WebAppContext;

public class AntWebAppContext extends WebAppContext {
}
