package batch

import "syscall"

// setDeathSignal: a batch killed outright takes its children along.
func setDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
