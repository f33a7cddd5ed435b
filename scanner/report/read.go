package report

import (
	"encoding/json"
	"io"
)

// Log is the part of a SARIF log kscan reads back: a baseline made from
// an earlier report, and the per-repository logs a batch summarises.
type Log struct {
	Runs []LogRun `json:"runs"`
}

// LogRun is one run of a Log.
type LogRun struct {
	Tool struct {
		Driver struct {
			Name    string    `json:"name"`
			Version string    `json:"version"`
			Rules   []LogRule `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Results     []LogResult `json:"results"`
	Invocations []struct {
		ToolExecutionNotifications []LogNotification `json:"toolExecutionNotifications"`
	} `json:"invocations"`
	Properties struct {
		Roles   []Role         `json:"kscan.roles"`
		Modules []ModuleRecord `json:"kscan.modules"`
	} `json:"properties"`
}

// LogRule is a rule's metadata in a Log.
type LogRule struct {
	ID                   string  `json:"id"`
	ShortDescription     LogText `json:"shortDescription"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

// LogText is a SARIF message.
type LogText struct {
	Text string `json:"text"`
}

// LogLocation is a result's or notification's place.
type LogLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine int `json:"startLine"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// LogResult is one result of a Log.
type LogResult struct {
	RuleID              string            `json:"ruleId"`
	Kind                string            `json:"kind"`
	Level               string            `json:"level"`
	Message             LogText           `json:"message"`
	Locations           []LogLocation     `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []struct {
		Status string `json:"status"`
	} `json:"suppressions"`
	BaselineState string         `json:"baselineState"`
	Properties    map[string]any `json:"properties"`
}

// Suppressed: a suppression that is not under review or rejected applies
// (SARIF §3.35.3; a missing status means accepted).
func (r *LogResult) Suppressed() bool {
	for _, s := range r.Suppressions {
		if s.Status == "" || s.Status == StatusAccepted {
			return true
		}
	}
	return false
}

// Property is a string property of the result, "" when absent.
func (r *LogResult) Property(key string) string {
	s, _ := r.Properties[key].(string)
	return s
}

// LogNotification is a tool execution notification of a Log.
type LogNotification struct {
	Level     string        `json:"level"`
	Message   LogText       `json:"message"`
	Locations []LogLocation `json:"locations"`
	// Descriptor names the notification's kind (finding.Notification.Kind),
	// as the SARIF writer sets it.
	Descriptor struct {
		ID string `json:"id"`
	} `json:"descriptor"`
}

// ReadLog decodes the parts of a SARIF log that Log names.
func ReadLog(r io.Reader) (*Log, error) {
	var l Log
	if err := json.NewDecoder(r).Decode(&l); err != nil {
		return nil, err
	}
	return &l, nil
}

// ModuleRecord is a Koupleless module project of a run, with the bytes it
// packages (from the local repository; Unknown counts jars not found).
type ModuleRecord struct {
	Path          string `json:"path"`
	PackagedBytes int64  `json:"packagedBytes"`
	Unknown       int    `json:"unknownSizes,omitempty"`
}
