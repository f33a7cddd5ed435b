package org.springframework.context.annotation;

import org.springframework.context.ConfigurableApplicationContext;

public class AnnotationConfigApplicationContext implements ConfigurableApplicationContext {
    public void registerShutdownHook() { }
}
