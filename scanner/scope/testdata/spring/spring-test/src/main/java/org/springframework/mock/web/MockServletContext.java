package org.springframework.mock.web;

public class MockServletContext {
}
