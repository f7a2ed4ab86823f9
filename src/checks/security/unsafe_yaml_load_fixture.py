# fixture: S506
import yaml
from yaml import load

params = yaml.load(f)  # expect: S506:10
params = load(f)  # expect: S506:10
params = yaml.load(f, Loader=yaml.Loader)  # expect: S506:30
params = yaml.load(f, yaml.UnsafeLoader)  # expect: S506:23
params = yaml.load(f, Loader=MyLoader)  # expect: S506:30

# Good
params = yaml.safe_load(f)
params = yaml.load(f, Loader=yaml.SafeLoader)
params = yaml.load(f, yaml.CSafeLoader)
params = yaml.load(f, Loader=yaml.loader.SafeLoader)
