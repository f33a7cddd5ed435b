package org.eclipse.jetty.embedded;

public class OneServletContext {
}
