// Package archive walks jar, war, ear and zip files, and the archives nested
// inside them, without extracting anything to disk.
//
// [Walk] and [WalkReader] visit every non-directory entry of an archive in
// central-directory order and descend depth-first into entries named *.jar,
// *.war or *.ear: a Spring Boot fat jar's BOOT-INF/lib/*.jar, a war's
// WEB-INF/lib/*.jar, an ark-biz's lib/*.jar, an Ark package's SOFA-ARK/biz/*.jar.
// Each [Entry] carries a logical path such as
//
//	app.jar!/BOOT-INF/lib/x.jar!/com/acme/Foo.class
//
// and a [Layout] telling where its code sits (base library, module-private
// library, application classes, ...), from which the scanner derives the role
// of the code (shared, module-private, base, module).
//
// # Nested archives
//
// A nested archive stored uncompressed (STORED, as Spring Boot and
// sofa-ark-maven-plugin write them) is read in place through an
// io.SectionReader over its parent: no byte of it is copied. A compressed
// nested archive must be inflated to be read at random; it is inflated into
// memory only while the archives held in memory along the current chain stay
// within Options.MaxNestedInMemory, and is otherwise reported and skipped.
//
// # Hostile input
//
// Archives are untrusted. Every cap in [Options] is enforced on the bytes
// actually inflated, not on sizes declared in headers, so a lying header
// cannot bypass it. Whatever is wrong with an archive or an entry is sent to
// Visitor.Problem and the walk goes on with the next entry; only a cancelled
// context or an error returned by Visitor.Entry stops it. The kinds of
// problem are listed under [ProblemKind].
//
// Entry names are never used as file-system paths. An unsafe name (absolute,
// with a ".." segment, a backslash, a NUL byte, a drive letter, or the "!/"
// separator of logical paths) is reported as [ProblemUnsafeName] and the entry
// is still visited under its name exactly as stored, because hiding it would
// hide whatever code it holds from the scan. Consumers must treat Entry.Name
// and Entry.Path as labels, never as paths to write to. Duplicate names are
// reported and every copy is visited, for the same reason.
//
// The total of bytes read in one walk (Options.MaxTotalBytes) counts the
// bytes inflated from entries and the central directory of every archive
// opened, so that an archive that fans out into many copies of one nested
// archive exhausts the budget instead of the time.
package archive
