// Package corpus writes a synthetic Java source tree for benchmarks when no
// real one is at hand. The code is plausible Java of mixed shapes (fields,
// generics, lambdas, nested classes, long methods) with a hazard in a few
// percent of files, so both the pre-filter and the rules do real work.
package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// Generate writes files under dir until about size bytes are written and
// returns the number of files.
func Generate(dir string, size int64, seed int64) (int, error) {
	r := rand.New(rand.NewSource(seed))
	var written int64
	n := 0
	for written < size {
		pkg := fmt.Sprintf("com.example.gen.p%d", n/50)
		name := fmt.Sprintf("Gen%d", n)
		src := file(r, pkg, name)
		p := filepath.Join(dir, "src", "main", "java", filepath.FromSlash(strings.ReplaceAll(pkg, ".", "/")), name+".java")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return n, err
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			return n, err
		}
		written += int64(len(src))
		n++
	}
	return n, nil
}

var hazards = []string{
	`Class<?> c = Class.forName(name);`,
	`System.setProperty("app.id", name);`,
	`java.util.ServiceLoader.load(Runnable.class, getClass().getClassLoader());`,
	`Runtime.getRuntime().addShutdownHook(new Thread(() -> {}));`,
	`java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));`,
}

func file(r *rand.Rand, pkg, name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s;\n\nimport java.util.*;\nimport java.util.concurrent.ConcurrentHashMap;\nimport java.util.function.Function;\n\n", pkg)
	fmt.Fprintf(&b, "/**\n * Generated class %s.\n */\npublic class %s<T extends Comparable<T>> {\n", name, name)
	fmt.Fprintf(&b, "    private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();\n")
	fmt.Fprintf(&b, "    private final List<T> items = new ArrayList<>();\n    private int count;\n\n")
	methods := 8 + r.Intn(20)
	for m := 0; m < methods; m++ {
		fmt.Fprintf(&b, "    public int method%d(String name, int limit) throws Exception {\n", m)
		stmts := 5 + r.Intn(25)
		for s := 0; s < stmts; s++ {
			switch r.Intn(9) {
			case 0:
				fmt.Fprintf(&b, "        for (int i = 0; i < limit; i++) {\n            count += name.length() * i;\n        }\n")
			case 1:
				fmt.Fprintf(&b, "        if (count > %d && name != null) {\n            count = Math.max(count, name.hashCode() %% %d);\n        } else {\n            count--;\n        }\n", r.Intn(1000), 7+r.Intn(90))
			case 2:
				fmt.Fprintf(&b, "        Function<String, Integer> f%d = s -> s.length() + %d;\n        count += f%d.apply(name);\n", s, r.Intn(100), s)
			case 3:
				fmt.Fprintf(&b, "        CACHE.computeIfAbsent(name + %q, k -> k.length());\n", fmt.Sprint(s))
			case 4:
				fmt.Fprintf(&b, "        StringBuilder sb%d = new StringBuilder(name).append(\"-\").append(count).append(limit);\n        count += sb%d.toString().trim().length();\n", s, s)
			case 5:
				fmt.Fprintf(&b, "        try {\n            count += Integer.parseInt(name);\n        } catch (NumberFormatException e) {\n            count = -1;\n        }\n")
			case 6:
				fmt.Fprintf(&b, "        items.stream().filter(x -> x != null).map(Object::toString).forEach(x -> count += x.length());\n")
			case 7:
				fmt.Fprintf(&b, "        // keep the counter in range (%d)\n        count = count %% %d;\n", s, 1000+r.Intn(9000))
			default:
				fmt.Fprintf(&b, "        String v%d = String.format(\"%%s:%%d\", name, count);\n        count += v%d.isEmpty() ? 0 : 1;\n", s, s)
			}
		}
		if r.Intn(40) == 0 {
			fmt.Fprintf(&b, "        %s\n", hazards[r.Intn(len(hazards))])
		}
		fmt.Fprintf(&b, "        return count;\n    }\n\n")
	}
	fmt.Fprintf(&b, "    static final class Node {\n        Node next;\n        Object value;\n    }\n}\n")
	return b.String()
}

// GenerateFile writes one Java file of about size bytes to path: the classes
// Generate would write, one after another, none of them public, so a scan
// meets a single very large compilation unit. It returns the number of
// classes.
func GenerateFile(path string, size int64, seed int64) (int, error) {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	b.WriteString("package com.example.gen.large;\n\nimport java.util.*;\nimport java.util.concurrent.ConcurrentHashMap;\nimport java.util.function.Function;\n\n")
	n := 0
	for int64(b.Len()) < size {
		src := file(r, "com.example.gen.large", fmt.Sprintf("Gen%d", n))
		// Keep the class, not its package and imports, which the file has once.
		src = src[strings.Index(src, "/**"):]
		b.WriteString(strings.Replace(src, "public class ", "class ", 1))
		b.WriteString("\n")
		n++
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return n, err
	}
	return n, os.WriteFile(path, []byte(b.String()), 0o644)
}
