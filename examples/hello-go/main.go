// Command hello-go prints the architecture it was built for.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Printf("hello from go: %s/%s, %s\n", runtime.GOOS, runtime.GOARCH, runtime.Version())
}
