// pipeline: the twin of pipeline.qs (run with GOMAXPROCS=1).
package main

import "fmt"

func main() {
	n := 1_000_000
	numbers := make(chan int, 16)
	squares := make(chan int, 16)
	results := make(chan int, 16)
	go func() {
		for i := 0; i < n; i++ {
			numbers <- i
		}
		close(numbers)
	}()
	go func() {
		for x := range numbers {
			squares <- x * x % 1009
		}
		close(squares)
	}()
	go func() {
		for x := range squares {
			results <- x + 1
		}
		close(results)
	}()
	sum := 0
	for x := range results {
		sum += x
	}
	fmt.Println(sum)
}
