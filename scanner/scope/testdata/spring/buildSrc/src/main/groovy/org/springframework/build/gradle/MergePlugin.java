package org.springframework.build.gradle;

import org.gradle.api.Plugin;
import org.gradle.api.Project;

class MergePlugin implements Plugin<Project> {
}
