// Command pause is the first process of every pod sandbox: it holds the pod's namespaces
// open, reaps the orphans that are re-parented to it, and exits when the runtime stops the
// sandbox. Kubernetes' own pause is C; this is ours, so that the image is made here from
// the tools module like the other control-plane images.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	for s := range signals {
		if s != syscall.SIGCHLD {
			os.Exit(0)
		}
		for {
			pid, err := syscall.Wait4(-1, nil, syscall.WNOHANG, nil)
			if pid <= 0 || err != nil {
				break
			}
		}
	}
}
