type main = Int
