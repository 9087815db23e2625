print("rrc-bench: placeholder")
