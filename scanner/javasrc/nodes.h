// The node array that nodes.c fills and tree.go reads: the layout must
// match the Go struct node.
#ifndef KSCAN_JAVASRC_NODES_H
#define KSCAN_JAVASRC_NODES_H

#include <stddef.h>
#include <stdint.h>

typedef struct kw_node {
	uint32_t start, end; // byte range
	uint32_t parent;     // index, KW_NONE for the root
	uint32_t after;      // index just past the subtree (preorder)
	uint16_t sym;        // grammar symbol; ERROR is the symbol count
	uint8_t field;       // the Go side's field id in the parent, 0 for none
	uint8_t flags;       // KW_MISSING | KW_HAS_ERROR
} kw_node;

#define KW_NONE 0xffffffffu

#define KW_MISSING 2
#define KW_HAS_ERROR 8

// Results of kw_parse and kw_fill besides a node count.
#define KW_TIMEOUT (-1) // the parse hit its time limit or was cancelled
#define KW_SHORT (-2)   // the buffer is too small: *need says how many; call kw_fill
#define KW_NOMEM (-3)
#define KW_NOTREE (-4)

typedef struct kw_parser kw_parser;

uint32_t kw_symbol_count(void);
const char *kw_symbol_name(uint32_t sym);
int kw_symbol_named(uint32_t sym);
uint32_t kw_field_count(void);
const char *kw_field_name(uint32_t id);
void kw_malloc_tune(void);
int kw_set_fields(const uint8_t *fields, uint32_t nfields);

kw_parser *kw_parser_new(void);
void kw_parser_delete(kw_parser *p);
size_t *kw_cancel_flag(kw_parser *p);
// kw_parse parses src and writes its nodes to out; with out NULL it only
// parses.
int64_t kw_parse(kw_parser *p, const char *src, uint32_t len, uint64_t timeout_micros, kw_node *out, uint32_t cap, uint32_t *need);
int64_t kw_fill(kw_parser *p, kw_node *out, uint32_t cap, uint32_t *need);
int kw_has_error(kw_parser *p, const char *src, uint32_t len);

#endif
