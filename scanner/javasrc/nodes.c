// The node walker: parses a Java file with the tree-sitter library that
// github.com/smacker/go-tree-sitter compiles and links, and copies every
// visible node of the tree into a flat array in one call, so that Go reads
// the tree without a cgo crossing per node.
//
// The tree-sitter declarations below restate the parts of its public C API
// (api.h, ABI version 14, as vendored by the binding pinned in go.mod) that
// this file calls; the binding's package links their definitions.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "nodes.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

// The Go struct node mirrors kw_node field for field.
_Static_assert(sizeof(kw_node) == 20, "kw_node layout");
_Static_assert(offsetof(kw_node, after) == 12 && offsetof(kw_node, sym) == 16 && offsetof(kw_node, field) == 18 &&
		offsetof(kw_node, flags) == 19,
	"kw_node layout");

typedef struct TSLanguage TSLanguage;
typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;

typedef struct TSNode {
	uint32_t context[4];
	const void *id;
	const TSTree *tree;
} TSNode;

typedef struct TSTreeCursor {
	const void *tree;
	const void *id;
	uint32_t context[3];
} TSTreeCursor;

TSParser *ts_parser_new(void);
void ts_parser_delete(TSParser *self);
bool ts_parser_set_language(TSParser *self, const TSLanguage *language);
void ts_parser_set_timeout_micros(TSParser *self, uint64_t timeout_micros);
void ts_parser_set_cancellation_flag(TSParser *self, const size_t *flag);
void ts_parser_reset(TSParser *self);
TSTree *ts_parser_parse_string(TSParser *self, const TSTree *old_tree, const char *string, uint32_t length);
void ts_tree_delete(TSTree *self);
TSNode ts_tree_root_node(const TSTree *self);
TSSymbol ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_has_error(TSNode self);
uint32_t ts_node_descendant_count(TSNode self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
uint32_t ts_language_symbol_count(const TSLanguage *self);
const char *ts_language_symbol_name(const TSLanguage *self, TSSymbol symbol);
int ts_language_symbol_type(const TSLanguage *self, TSSymbol symbol); // TSSymbolTypeRegular is 0
uint32_t ts_language_field_count(const TSLanguage *self);
const char *ts_language_field_name_for_id(const TSLanguage *self, TSFieldId id);

const TSLanguage *tree_sitter_java(void);

#define ERROR_SYMBOL ((TSSymbol)65535)

// Field ids of the grammar mapped to the Go side's fields; written once by
// kw_set_fields before any parse.
static uint8_t *fields;
static uint32_t nfields;

uint32_t kw_symbol_count(void) { return ts_language_symbol_count(tree_sitter_java()); }
const char *kw_symbol_name(uint32_t sym) { return ts_language_symbol_name(tree_sitter_java(), (TSSymbol)sym); }
int kw_symbol_named(uint32_t sym) { return ts_language_symbol_type(tree_sitter_java(), (TSSymbol)sym) == 0; }
uint32_t kw_field_count(void) { return ts_language_field_count(tree_sitter_java()); }
const char *kw_field_name(uint32_t id) { return ts_language_field_name_for_id(tree_sitter_java(), (TSFieldId)id); }

// kw_malloc_tune bounds what the C heap keeps of the trees it freed. Go
// runs cgo calls on whichever thread is free, and glibc gives each thread
// that allocates its own arena (up to eight per core), each keeping the
// high-water mark of the trees parsed on it: two arenas serve the parse
// workers; and a fixed mmap threshold returns a large tree's big blocks to
// the system when it is freed, where the threshold glibc adjusts by itself
// rises to 32 MiB after the first such block and keeps them in the arena.
void kw_malloc_tune(void) {
#ifdef __GLIBC__
	mallopt(M_ARENA_MAX, 2);
	mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

int kw_set_fields(const uint8_t *f, uint32_t nf) {
	fields = malloc(nf * sizeof *fields);
	if (!fields) {
		return 0;
	}
	for (uint32_t i = 0; i < nf; i++) {
		fields[i] = f[i];
	}
	nfields = nf;
	return 1;
}

struct kw_parser {
	TSParser *parser;
	TSTree *tree; // kept between kw_parse and kw_fill when the buffer was short
	size_t cancel;
	uint32_t *stack; // ancestors of the node being written
	uint32_t stack_cap;
	uint32_t len; // the bytes of the source last parsed
};

// KW_TRIM_BYTES: a tree of a source this large (a few MB of small blocks
// on the C heap) is given back to the system when it is freed.
#define KW_TRIM_BYTES (256 * 1024)

// drop_tree frees the tree of the last parse. The C allocator keeps freed
// small blocks for reuse, so the heap of a parse worker would stay at the
// size of the largest tree it ever held; after a large one, malloc_trim
// returns the free pages.
static void drop_tree(kw_parser *p, TSTree *t) {
	ts_tree_delete(t);
#ifdef __GLIBC__
	if (p->len >= KW_TRIM_BYTES) {
		malloc_trim(0);
	}
#endif
}

kw_parser *kw_parser_new(void) {
	kw_parser *p = calloc(1, sizeof *p);
	if (!p) {
		return NULL;
	}
	p->parser = ts_parser_new();
	if (!p->parser || !ts_parser_set_language(p->parser, tree_sitter_java())) {
		if (p->parser) {
			ts_parser_delete(p->parser);
		}
		free(p);
		return NULL;
	}
	ts_parser_set_cancellation_flag(p->parser, &p->cancel);
	return p;
}

void kw_parser_delete(kw_parser *p) {
	if (!p) {
		return;
	}
	if (p->tree) {
		ts_tree_delete(p->tree);
	}
	ts_parser_delete(p->parser);
	free(p->stack);
	free(p);
}

size_t *kw_cancel_flag(kw_parser *p) { return &p->cancel; }

static void put(kw_node *out, uint32_t i, const TSTreeCursor *c, uint32_t parent) {
	TSNode n = ts_tree_cursor_current_node(c);
	TSSymbol sym = ts_node_symbol(n);
	TSFieldId f = ts_tree_cursor_current_field_id(c);
	uint8_t flags = 0;
	if (ts_node_is_missing(n)) {
		flags |= KW_MISSING;
	}
	if (ts_node_has_error(n)) {
		flags |= KW_HAS_ERROR;
	}
	kw_node *o = &out[i];
	o->start = ts_node_start_byte(n);
	o->end = ts_node_end_byte(n);
	o->parent = parent;
	o->after = i + 1;
	// ERROR takes the id just past the grammar's symbols.
	o->sym = sym == ERROR_SYMBOL ? (uint16_t)ts_language_symbol_count(tree_sitter_java()) : sym;
	o->field = f < nfields ? fields[f] : 0;
	o->flags = flags;
}

static int push(kw_parser *p, uint32_t *depth, uint32_t v) {
	if (*depth == p->stack_cap) {
		uint32_t cap = p->stack_cap ? p->stack_cap * 2 : 256;
		uint32_t *s = realloc(p->stack, cap * sizeof *s);
		if (!s) {
			return 0;
		}
		p->stack = s;
		p->stack_cap = cap;
	}
	p->stack[(*depth)++] = v;
	return 1;
}

// walk writes the tree's visible nodes in preorder; returns their count, or
// KW_NOMEM. An iterative walk: nesting costs heap, not C stack.
static int64_t walk(kw_parser *p, kw_node *out, uint32_t cap) {
	TSNode root = ts_tree_root_node(p->tree);
	TSTreeCursor c = ts_tree_cursor_new(root);
	uint32_t depth = 0, n = 0, cur;
	int64_t ret;
	put(out, n, &c, KW_NONE);
	cur = n++;
	for (;;) {
		if (ts_tree_cursor_goto_first_child(&c)) {
			if (!push(p, &depth, cur)) {
				ret = KW_NOMEM;
				goto done;
			}
			if (n == cap) {
				ret = KW_SHORT;
				goto done;
			}
			put(out, n, &c, cur);
			cur = n++;
			continue;
		}
		for (;;) {
			out[cur].after = n;
			if (ts_tree_cursor_goto_next_sibling(&c)) {
				if (n == cap) {
					ret = KW_SHORT;
					goto done;
				}
				put(out, n, &c, depth ? p->stack[depth - 1] : KW_NONE);
				cur = n++;
				break;
			}
			if (!ts_tree_cursor_goto_parent(&c) || depth == 0) {
				ret = n;
				goto done;
			}
			cur = p->stack[--depth];
		}
	}
done:
	ts_tree_cursor_delete(&c);
	return ret;
}

static int64_t fill(kw_parser *p, kw_node *out, uint32_t cap, uint32_t *need) {
	*need = ts_node_descendant_count(ts_tree_root_node(p->tree));
	if (*need > cap) {
		return KW_SHORT; // keep the tree for kw_fill
	}
	int64_t n = walk(p, out, cap);
	drop_tree(p, p->tree);
	p->tree = NULL;
	return n;
}

int64_t kw_parse(kw_parser *p, const char *src, uint32_t len, uint64_t timeout_micros, kw_node *out, uint32_t cap, uint32_t *need) {
	if (p->tree) {
		ts_tree_delete(p->tree);
		p->tree = NULL;
	}
	ts_parser_set_timeout_micros(p->parser, timeout_micros);
	p->len = len;
	p->tree = ts_parser_parse_string(p->parser, NULL, src, len);
	if (!p->tree) {
		ts_parser_reset(p->parser);
		return KW_TIMEOUT;
	}
	if (!out) { // a parse alone
		drop_tree(p, p->tree);
		p->tree = NULL;
		return 0;
	}
	return fill(p, out, cap, need);
}

int64_t kw_fill(kw_parser *p, kw_node *out, uint32_t cap, uint32_t *need) {
	if (!p->tree) {
		return KW_NOTREE;
	}
	return fill(p, out, cap, need);
}

int kw_has_error(kw_parser *p, const char *src, uint32_t len) {
	if (p->tree) {
		ts_tree_delete(p->tree);
		p->tree = NULL;
	}
	ts_parser_set_timeout_micros(p->parser, 0);
	p->len = len;
	TSTree *t = ts_parser_parse_string(p->parser, NULL, src, len);
	if (!t) {
		ts_parser_reset(p->parser);
		return -1;
	}
	int bad = ts_node_has_error(ts_tree_root_node(t));
	drop_tree(p, t);
	return bad;
}
