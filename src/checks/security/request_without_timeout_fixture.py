# fixture: S113
import httpx
import requests
from requests import post

resp = requests.get(url)  # expect: S113:8
resp = post(url, json=payload)  # expect: S113:8
resp = requests.request("GET", url)  # expect: S113:8
resp = requests.get(url, timeout=None)  # expect: S113:26
resp = httpx.get(url, timeout=None)  # expect: S113:23

# Good
resp = requests.get(url, timeout=10)
resp = requests.post(url, timeout=(3.05, 27))
resp = httpx.get(url)
session.get(url)
