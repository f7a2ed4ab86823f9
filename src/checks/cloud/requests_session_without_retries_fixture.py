# fixture: DS505
import requests

session = requests.Session()  # expect: DS505:11


def fetch(url):
    with requests.session() as local:  # expect: DS505:10
        return local.get(url, timeout=10).json()
