package com.acme.biz;

import com.acme.own.Util;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Strings;
import org.apache.commons.lang3.StringUtils;
import org.apache.http.client.HttpClient;
import org.slf4j.LoggerFactory;

public class OrderService {
    private static final Object LOG = LoggerFactory.getLogger(OrderService.class);
    private final HttpClient http;

    public OrderService(HttpClient http) { this.http = http; }

    public String place(String id) {
        if (StringUtils.isBlank(id) || Strings.isNullOrEmpty(id)) {
            return "none";
        }
        Object r = http.execute(id);
        return new ObjectMapper().copyWith(null).writeValueAsString(r) + Util.twice(1);
    }
}
