package com.alipay.sofa.koupleless.common.api;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

@Retention(RetentionPolicy.RUNTIME)
public @interface AutowiredFromBase {
}
