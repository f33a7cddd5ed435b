package org.eclipse.jetty.util;

public class Loader {
}
