package org.springframework.boot.web.server;

public interface WebServerFactory {
}
