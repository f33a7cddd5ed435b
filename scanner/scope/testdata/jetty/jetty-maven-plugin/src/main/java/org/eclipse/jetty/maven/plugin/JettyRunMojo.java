package org.eclipse.jetty.maven.plugin;

import org.apache.maven.plugins.annotations.Mojo;

@Mojo(name = "run")
public class JettyRunMojo extends AbstractJettyMojo {
}
