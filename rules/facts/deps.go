package facts

// Dependency is one artifact a build file declares or a resolved list
// names, placed where it is declared so a finding can point at it.
type Dependency struct {
	GroupID, ArtifactID, Version string
	Type, Classifier             string
	Scope                        string // Maven scope, or the Gradle configuration
	Optional                     bool
	Path                         string // slash-separated, relative to the scan root
	Line                         int    // 1-based; 0 when the evidence has no line
	Span                         Span   // the declaring line's text in Path (empty when Line is 0)
	Source                       string // pom, pom-managed, maven-list, gradle-lock, gradle-catalog, gradle-script, implied
	// Version is "" when unknown; Evidence then says why.
	Confidence string // high, medium, low
	Evidence   string
	// Inherited is set for a dependency declared by a parent pom.
	Inherited bool
	// Exclusions are groupId:artifactId patterns ("*" allowed).
	Exclusions []string
	// Shared is set when a module leaves the library to the base (provided
	// scope, ark excludes); SharedWhy says which.
	Shared    bool
	SharedWhy string
	// SharedUnproven is set when no slimming pattern left it out (a built
	// biz's lib/ simply lacks it): a base without it then proves nothing.
	SharedUnproven bool
	// Entry is, for a dependency declared inside an archive (a biz's own
	// pom), that entry and line ("biz.jar!/META-INF/maven/g/a/pom.xml:13");
	// Path is then the archive, with no line.
	Entry string
	// Size is the bytes of the jar a scanned archive packages (0: unknown).
	Size int64
}

// Key is groupId:artifactId.
func (d *Dependency) Key() string { return d.GroupID + ":" + d.ArtifactID }

// GAV is groupId:artifactId:version (version omitted when unknown).
func (d *Dependency) GAV() string {
	if d.Version == "" {
		return d.Key()
	}
	return d.Key() + ":" + d.Version
}

// Packaged reports a dependency that ends up on the runtime class path of
// the project that declares it (not test, not provided, not system).
func (d *Dependency) Packaged() bool {
	switch d.Scope {
	case "", "compile", "runtime", "implementation", "api", "runtimeOnly", "compileOnlyApi", "runtimeClasspath", "compileClasspath":
		return true
	}
	return false
}

// Insertion says where a new <dependency> goes in a pom: Offset is the byte
// offset just after "<dependencies>" (or where a whole block goes when the
// pom has none), Indent the indentation of <dependencies>, Unit one step.
type Insertion struct {
	Offset int
	Block  bool // no <dependencies> yet: insert a whole block
	Indent string
	Unit   string
}

// BuildProject is one project of the scanned tree (a pom.xml or a Gradle
// build) with its dependencies.
type BuildProject struct {
	Path       string // the build file, relative to the scan root
	Dir        string // its directory
	Kind       string // maven or gradle
	GroupID    string
	ArtifactID string
	Version    string
	Role       Role
	RoleWhy    string
	// Dependencies are the project's own and inherited ones, plus the
	// resolved list when one was saved beside the build file.
	Dependencies []Dependency
	// Resolved is set when Dependencies come from a resolved list
	// (mvn dependency:list/tree output, a Gradle lockfile): transitive
	// artifacts are then included.
	Resolved bool
	// Insert is nil for builds kscan cannot add a dependency to (Gradle).
	Insert *Insertion
	// AddPatch is the "file:line" of a koupleless-base-build-plugin with the
	// add-patch goal ("" when absent).
	AddPatch string
	// SlimUnread names a module's slimming setting kscan could not read
	// ("file:line key", a Gradle arkConfig value that is no literal): what
	// the module leaves to the base is then known only in part.
	SlimUnread string
	// BuildOnly says why the project builds nothing that runs (a BOM, a
	// distribution assembly); dependency rules skip it. "" for the rest.
	BuildOnly string
}

// Mention is one occurrence of a token a rule searches the tree for (a
// setting written in a start script, a Dockerfile or code).
type Mention struct {
	Token string
	Path  string // slash-separated, relative to the scan root
	Line  int
}

// Find returns the project's dependencies with groupId:artifactId key.
func (p *BuildProject) Find(key string) []*Dependency {
	var out []*Dependency
	for i := range p.Dependencies {
		if p.Dependencies[i].Key() == key {
			out = append(out, &p.Dependencies[i])
		}
	}
	return out
}
