if x:
    a
  b