// spawn: the twin of spawn.qs (run with GOMAXPROCS=1).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	tasks := 100_000
	gate := make(chan int)
	sums := make(chan int, tasks)
	var wg sync.WaitGroup
	for i := 0; i < tasks; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-gate
			sums <- i
		}(i)
	}
	runtime.Gosched()
	close(gate)
	wg.Wait()
	close(sums)
	count, total := 0, 0
	for v := range sums {
		count++
		total += v
	}
	fmt.Println(count)
	fmt.Println(total)
}
