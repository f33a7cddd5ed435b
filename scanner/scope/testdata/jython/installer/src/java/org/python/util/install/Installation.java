package org.python.util.install;

public class Installation {
}
