const ANSWER: Int = 42
