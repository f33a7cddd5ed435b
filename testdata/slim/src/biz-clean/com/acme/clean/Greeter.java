package com.acme.clean;

import com.acme.own.Util;
import org.apache.commons.lang3.StringUtils;

public class Greeter {
    public String greet(String who) { return StringUtils.isBlank(who) ? "hi" : who + Util.twice(1); }
}
