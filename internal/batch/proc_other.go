//go:build !unix

package batch

import "os/exec"

// KillGroup: without process groups, the context kills the process alone.
func KillGroup(cmd *exec.Cmd) {}
