# fixture: S501
import httpx
import requests

requests.get(url, verify=False, timeout=5)  # expect: S501:19
requests.request("POST", url, verify=False, timeout=5)  # expect: S501:31
client = httpx.Client(verify=False)  # expect: S501:23

# Good
requests.get(url, verify=True, timeout=5)
requests.get(url, verify="/etc/ssl/ca.pem", timeout=5)
session.get(url, verify=False)
