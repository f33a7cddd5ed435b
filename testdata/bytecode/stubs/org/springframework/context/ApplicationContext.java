package org.springframework.context;

public interface ApplicationContext {
}
