# fixture: F403
from os.path import *  # expect: F403:1
from . import *  # expect: F403:1
from .utils import helper
import sys

print(join, helper, sys)
