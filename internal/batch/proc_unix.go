//go:build unix

package batch

import (
	"os/exec"
	"syscall"
)

// KillGroup makes cmd the leader of a process group and kills the whole
// group when its context ends: git starts ssh and remote helpers, and a
// scan that outlives its timeout must not leave children behind.
func KillGroup(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	setDeathSignal(cmd.SysProcAttr)
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
