package org.apache.catalina.ant;

public abstract class AbstractCatalinaCommandTask extends AbstractCatalinaTask {
}
