#!/bin/sh
exec java -Dlogback.ContextSelector=com.alipay.sofa.ark.common.adapter.ArkLogbackContextSelector -jar base.jar
