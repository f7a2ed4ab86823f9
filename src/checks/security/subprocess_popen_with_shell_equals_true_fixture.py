# fixture: S602
import subprocess
from subprocess import Popen

subprocess.run("ls -l", shell=True)  # expect: S602:1
subprocess.run(f"gsutil cp {src} {dst}", shell=True)  # expect: S602:1
Popen(cmd, shell=1)  # expect: S602:1
subprocess.check_output(["ls"], shell=[1])  # expect: S602:1

# Good
subprocess.run(["gsutil", "cp", src, dst], check=True)
subprocess.run(cmd, shell=False)
subprocess.run(cmd, shell=0)
subprocess.run(shell=True)
os_like.run(cmd, shell=True)
