# fixture: S605
import os
import subprocess
from os import system

os.system("ls -l")  # expect: S605:1
os.system("unzip " + archive)  # expect: S605:1
system(cmd)  # expect: S605:1
pipe = os.popen(cmd)  # expect: S605:8
out = subprocess.getoutput(cmd)  # expect: S605:7

# Good
subprocess.run(["unzip", archive], check=True)
os.path.join("a", "b")
os.system()
