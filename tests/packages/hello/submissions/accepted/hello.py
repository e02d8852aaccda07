input()
print("Hello World!")
