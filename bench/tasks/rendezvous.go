// rendezvous: the twin of rendezvous.qs (run with GOMAXPROCS=1).
package main

import "fmt"

func main() {
	trips := 1_000_000
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan struct{})
	go func() {
		for n := range ping {
			pong <- n + 1
		}
		close(done)
	}()
	sum := 0
	for i := 0; i < trips; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	<-done
	fmt.Println(sum)
}
