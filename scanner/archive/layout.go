package archive

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"strings"
)

// Kind is what an archive is, judged from its own entries.
type Kind uint8

const (
	// KindPlain is an ordinary jar or zip.
	KindPlain Kind = iota
	// KindFatJar is a Spring Boot executable jar (BOOT-INF/).
	KindFatJar
	// KindWar is a web archive (WEB-INF/).
	KindWar
	// KindEar is an enterprise archive (META-INF/application.xml or *.ear).
	KindEar
	// KindArkBiz is a SOFAArk / Koupleless module (ark-biz): it holds the
	// marker entry com/alipay/sofa/ark/biz/mark, or a lib/ directory and a
	// manifest with Ark-Biz-Name. Its classes sit at the root and its
	// private libraries in lib/.
	KindArkBiz
	// KindArkPackage is an executable SOFAArk package (SOFA-ARK/container,
	// SOFA-ARK/plugin, SOFA-ARK/biz).
	KindArkPackage
)

var kindNames = [...]string{"plain", "fat-jar", "war", "ear", "ark-biz", "ark-package"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Layout is where an entry's code sits, which decides the role it plays when
// several apps share one JVM (base, module, shared or module-private
// library; see docs/rules.md). For an entry directly
// inside a recognised archive it comes from the entry's own place (e.g.
// BOOT-INF/classes/); for an entry of a nested library jar it comes from the
// place of that jar in its parent (e.g. BOOT-INF/lib/), so every class of a
// base's library reports LayoutBootInfLib.
type Layout uint8

const (
	// LayoutPlain: a plain jar, or a place with no packaging meaning. The role
	// comes from the project (--role).
	LayoutPlain Layout = iota
	// LayoutBootInfClasses: BOOT-INF/classes/ of a Spring Boot fat jar, the
	// application's own code; base code (B) when the fat jar is a base.
	LayoutBootInfClasses
	// LayoutBootInfLib: a library in BOOT-INF/lib/ of a fat jar. In a base
	// it is loaded by the base loader and shared with every module (S).
	LayoutBootInfLib
	// LayoutWebInfClasses: WEB-INF/classes/ of a war, the web application's
	// own code; treated like LayoutBootInfClasses.
	LayoutWebInfClasses
	// LayoutWebInfLib: a library in WEB-INF/lib/ (or WEB-INF/lib-provided/)
	// of a war; treated like LayoutBootInfLib (S when the war is the base).
	LayoutWebInfLib
	// LayoutArkBizClasses: a module's own code: the root of an ark-biz, or a
	// biz jar inside an Ark package or a base (SOFA-ARK/biz/). Module (M).
	LayoutArkBizClasses
	// LayoutArkBizLib: a library in lib/ of an ark-biz, loaded by the
	// module's own loader: module-private (P), the duplicate-class risk.
	LayoutArkBizLib
	// LayoutArkPlugin: an Ark plugin (SOFA-ARK/plugin/), whose exported
	// classes every biz sees: shared (S).
	LayoutArkPlugin
	// LayoutArkContainer: the SOFAArk container itself (SOFA-ARK/container/);
	// infrastructure, not application code.
	LayoutArkContainer
	// LayoutEarLib: a library in lib/ of an ear, shared by the ear's modules.
	LayoutEarLib
	// LayoutEarModule: a module (jar or war) at the root of an ear.
	LayoutEarModule
)

var layoutNames = [...]string{
	"plain", "boot-inf-classes", "boot-inf-lib", "web-inf-classes", "web-inf-lib",
	"ark-biz-classes", "ark-biz-lib", "ark-plugin", "ark-container", "ear-lib", "ear-module",
}

func (l Layout) String() string {
	if int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return "unknown"
}

const (
	arkBizMark       = "com/alipay/sofa/ark/biz/mark"
	arkContainerMark = "com/alipay/sofa/ark/container/mark"
	// maxManifest caps how much of META-INF/MANIFEST.MF classification reads;
	// the attributes it needs sit in the short main section.
	maxManifest = 1 << 20
)

// Classify reports the kind of the archive r from its entry names and, when
// that is not enough to tell an ark-biz, its manifest. name is the archive's
// file name, used only to recognise an ear by its extension.
func Classify(name string, r *zip.Reader) Kind {
	return classify(name, r.File, func(f *zip.File) []byte {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, maxManifest))
		return b
	})
}

// classify is Classify with the manifest read by the caller, so that a walk
// can count those bytes against its caps.
func classify(name string, files []*zip.File, manifest func(*zip.File) []byte) Kind {
	var bootInf, webInf, sofaArk, arkBiz, appXML, lib bool
	var mf *zip.File
	for _, f := range files {
		n := f.Name
		switch {
		case n == arkBizMark:
			arkBiz = true
		case n == arkContainerMark || strings.HasPrefix(n, "SOFA-ARK/"):
			sofaArk = true
		case strings.HasPrefix(n, "BOOT-INF/"):
			bootInf = true
		case strings.HasPrefix(n, "WEB-INF/"):
			webInf = true
		case n == "META-INF/application.xml":
			appXML = true
		case n == "META-INF/MANIFEST.MF":
			mf = f
		case strings.HasPrefix(n, "lib/"):
			lib = true
		}
	}
	switch {
	case arkBiz:
		return KindArkBiz
	case sofaArk:
		return KindArkPackage
	case bootInf:
		return KindFatJar
	case webInf:
		return KindWar
	case appXML || strings.HasSuffix(strings.ToLower(name), ".ear"):
		return KindEar
	case lib && mf != nil && hasArkBizName(manifest(mf)):
		return KindArkBiz
	}
	return KindPlain
}

// hasArkBizName reports whether the manifest's main section declares
// Ark-Biz-Name, which sofa-ark-maven-plugin writes into every biz.
func hasArkBizName(mf []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(mf))
	sc.Buffer(make([]byte, 0, 4096), maxManifest)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			return false // end of the main section
		}
		if k, _, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, "Ark-Biz-Name") {
			return true
		}
	}
	return false
}

// slot is the layout a place inside an archive of kind k gives to the entry
// called name; ok is false when the place means nothing special, and the
// entry then inherits the layout of its archive.
func slot(k Kind, name string) (l Layout, ok bool) {
	switch k {
	case KindFatJar:
		switch {
		case strings.HasPrefix(name, "BOOT-INF/classes/SOFA-ARK/biz/"):
			return LayoutArkBizClasses, true // a module merged statically into a base
		case strings.HasPrefix(name, "BOOT-INF/classes/"):
			return LayoutBootInfClasses, true
		case strings.HasPrefix(name, "BOOT-INF/lib/"):
			return LayoutBootInfLib, true
		}
	case KindWar:
		switch {
		case strings.HasPrefix(name, "WEB-INF/classes/"):
			return LayoutWebInfClasses, true
		case strings.HasPrefix(name, "WEB-INF/lib/"), strings.HasPrefix(name, "WEB-INF/lib-provided/"):
			return LayoutWebInfLib, true
		}
	case KindArkBiz:
		if strings.HasPrefix(name, "lib/") {
			return LayoutArkBizLib, true
		}
		return LayoutArkBizClasses, true
	case KindArkPackage:
		switch {
		case strings.HasPrefix(name, "SOFA-ARK/biz/"):
			return LayoutArkBizClasses, true
		case strings.HasPrefix(name, "SOFA-ARK/plugin/"):
			return LayoutArkPlugin, true
		case strings.HasPrefix(name, "SOFA-ARK/container/"):
			return LayoutArkContainer, true
		}
	case KindEar:
		if strings.HasPrefix(name, "lib/") {
			return LayoutEarLib, true
		}
		if !strings.Contains(name, "/") && isArchiveName(name) {
			return LayoutEarModule, true
		}
	}
	return LayoutPlain, false
}

// isArchiveName reports whether an entry is a nested archive to descend into.
func isArchiveName(name string) bool {
	if len(name) < 4 || name[len(name)-4] != '.' {
		return false
	}
	switch strings.ToLower(name[len(name)-3:]) {
	case "jar", "war", "ear":
		return true
	}
	return false
}
