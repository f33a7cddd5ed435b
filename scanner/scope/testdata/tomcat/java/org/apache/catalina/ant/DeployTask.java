package org.apache.catalina.ant;

public class DeployTask extends AbstractCatalinaCommandTask {
}
