# fixture: E711
x = 1
if x == None:  # expect: E711:9
    pass
if x != None:  # expect: E711:9
    pass
if None == x:  # expect: E711:4
    pass
if x == (None):  # expect: E711:10
    pass
y = None == None  # expect: E711:5 E711:13
z = 1 == None
w = x is None
v = x == None == x  # expect: E711:10
u = "a" == None
t = x < None
