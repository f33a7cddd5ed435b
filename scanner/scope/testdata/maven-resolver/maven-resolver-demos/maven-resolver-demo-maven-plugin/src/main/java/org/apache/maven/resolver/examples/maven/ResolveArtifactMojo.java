package org.apache.maven.resolver.examples.maven;

import org.apache.maven.plugin.AbstractMojo;

public class ResolveArtifactMojo extends AbstractMojo {
}
