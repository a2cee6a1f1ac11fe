print("policylens-bench")
