package javasrc

// lexJava splits source text just enough for the Go-side scans: it calls
// ident for each identifier token [i, j) outside comments and literals,
// skipped for each comment or literal [i, j), and punct for every other
// byte, in document order.
func lexJava(src []byte, ident func(i, j int), skipped func(i, j int), punct func(i int)) {
	n := len(src)
	for i := 0; i < n; {
		start := i
		switch c := src[i]; {
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < n && src[i+1] == '*':
			i += 2
			for i+1 < n && !(src[i] == '*' && src[i+1] == '/') {
				i++
			}
			i += 2
		case c == '"':
			i = skipString(src, i)
		case c == '\'':
			i++
			for i < n && src[i] != '\'' && src[i] != '\n' {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case isIdentByte(c) && !(c >= '0' && c <= '9'):
			j := i + 1
			for j < n && isIdentByte(src[j]) {
				j++
			}
			if ident != nil {
				ident(i, j)
			}
			i = j
			continue
		default:
			if punct != nil {
				punct(i)
			}
			i++
			continue
		}
		if i > n {
			i = n
		}
		if skipped != nil {
			skipped(start, i)
		}
	}
}
