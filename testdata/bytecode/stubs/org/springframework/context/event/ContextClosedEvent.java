package org.springframework.context.event;

public class ContextClosedEvent extends ApplicationContextEvent {
}
