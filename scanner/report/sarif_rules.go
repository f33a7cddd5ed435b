package report

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/kscan/kscan/rules"
)

// RulesAhead is the rules' part of a SARIF log, rendered on its own
// goroutine while the scan still runs: every rule's reporting descriptor
// (its help as Markdown and as text, the text made by regular expressions)
// is most of the work of writing a small scan's log, 20 ms or more, and
// it depends on the rules and the help address alone.
type RulesAhead struct {
	rules   []*rules.Rule
	helpURI string
	done    chan struct{}
	nodes   []*node
	err     error
}

// PrepareRules starts rendering the reporting descriptors of rs, linked
// to helpURI as Input.HelpURI would link them. A log whose Input has the
// same rules and address takes them from it (Input.RulesAhead); any other
// renders its own.
func PrepareRules(rs []*rules.Rule, helpURI string) *RulesAhead {
	a := &RulesAhead{rules: slices.Clone(rs), helpURI: helpURI, done: make(chan struct{})}
	go func() {
		defer close(a.done)
		a.nodes, a.err = ruleNodes(&Input{Rules: a.rules, HelpURI: helpURI})
	}()
	return a
}

// nodesFor returns the descriptors rendered ahead for in, or nil when in
// asks for other rules or another address.
func (a *RulesAhead) nodesFor(in *Input) ([]*node, error) {
	if a == nil || a.helpURI != in.HelpURI || !slices.Equal(a.rules, in.Rules) {
		return nil, nil
	}
	<-a.done
	return a.nodes, a.err
}

// ruleNodes renders the reporting descriptor of each of in's rules, in
// order, as the log's tree holds them.
func ruleNodes(in *Input) ([]*node, error) {
	run := sarif.NewRunWithInformationURI("", "")
	for i, r := range in.Rules {
		if r == nil {
			return nil, fmt.Errorf("report: rule %d is nil", i)
		}
		addRule(run, r, in.helpURI(r))
	}
	nodes := make([]*node, 0, len(run.Tool.Driver.Rules))
	for _, d := range run.Tool.Driver.Rules {
		n, err := encode(d)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	return nodes, nil
}

// encode is v as the log's tree holds it: marshalled by encoding/json, as
// go-sarif's types say, and read back.
func encode(v any) (*node, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("report: encoding SARIF: %w", err)
	}
	n, err := parseJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("report: re-reading SARIF: %w", err)
	}
	return n, nil
}
