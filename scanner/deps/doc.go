// Package deps finds Maven coordinates offline, each with the file and line
// that declares it, so a dependency finding can point at its pom line.
//
// Sources, from most to least certain:
//
//   - resolved lists: saved `mvn dependency:list` / `dependency:tree`
//     output (ParseDependencyList) and Gradle lockfiles
//     (ParseGradleLockfile);
//   - pom.xml: ParsePOM gives the raw model with line numbers and the
//     location of <dependencies> (for fixes that insert an adapter
//     dependency); LoadMaven builds effective models: parents (in the tree
//     by relativePath or coordinates, then the local repository),
//     inherited properties and dependencyManagement, ${...} interpolation
//     with cycle detection, imported BOMs, modules. Profiles are ignored
//     (their activation depends on the build machine). Transitive
//     dependencies are not resolved: that needs the remote repositories,
//     and kscan never uses the network;
//   - Gradle version catalogs (ParseVersionCatalog) and literal coordinates
//     in build scripts (ParseGradleScript, low confidence);
//   - jars: pom.properties, then the MANIFEST main section, then the file
//     name (FromJarMetadata).
//
// Nothing here fails a scan for a bad or incomplete input: parsers return
// errors naming file and line, and LoadMaven turns everything it cannot
// resolve into Notifications.
//
// Role and the ArkConfig / SharedLibraries helpers read the Koupleless
// signals of a pom: whether it builds a base or a module, and which
// libraries a module leaves to the base (provided scope and the
// sofa-ark-maven-plugin excludes, or conf/ark/bootstrap.properties).
package deps
