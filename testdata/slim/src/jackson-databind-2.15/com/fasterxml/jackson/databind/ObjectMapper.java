package com.fasterxml.jackson.databind;

public class ObjectMapper {
    public String writeValueAsString(Object o) { return String.valueOf(o); }
    // new in 2.15: a module built against it fails on 2.13 (NoSuchMethodError)
    public ObjectMapper copyWith(Object factory) { return this; }
}
