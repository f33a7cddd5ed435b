package org.apache.logging.log4j.core.config.plugins.processor;

import javax.annotation.processing.AbstractProcessor;

public class PluginProcessor extends AbstractProcessor {
}
