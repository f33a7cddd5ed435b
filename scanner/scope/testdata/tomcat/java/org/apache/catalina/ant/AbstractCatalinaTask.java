package org.apache.catalina.ant;

public abstract class AbstractCatalinaTask extends BaseRedirectorHelperTask {
}
