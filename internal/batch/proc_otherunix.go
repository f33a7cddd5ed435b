//go:build unix && !linux

package batch

import "syscall"

func setDeathSignal(*syscall.SysProcAttr) {}
