package org.springframework.boot.web.server;

public interface WebServerFactoryCustomizer<T extends WebServerFactory> {
    void customize(T factory);
}
