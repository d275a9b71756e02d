fn test_broken() { let x: Int = true }
