# -*- coding: latin-1 -*-
s = "café naïve"
# comment é
t = b"bytes"
