package org.eclipse.aether;

public class RepositorySystem {
}
