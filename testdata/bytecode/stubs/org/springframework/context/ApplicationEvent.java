package org.springframework.context;

public abstract class ApplicationEvent {
}
