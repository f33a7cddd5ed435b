package org.apache.http.client;

public interface HttpClient {
    Object execute(Object request);
}
