# fixture: E712
x = 1
if x == True:  # expect: E712:4
    pass
if False != x:  # expect: E712:4
    pass
if x == True == x:  # expect: E712:4
    pass
y = True == False  # expect: E712:5 E712:5
z = 1 == True
w = x is True
v = (x == False) or x  # expect: E712:6
