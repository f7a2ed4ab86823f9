# fixture: DS503
from concurrent.futures import ThreadPoolExecutor

import boto3
from google.cloud import storage

s3 = boto3.client("s3")
for key in keys:
    s3.download_file("data", key, f"/tmp/{key}")  # expect: DS503:5
bucket = storage.Client().bucket("data")
while pending:
    bucket.blob(pending.pop()).upload_from_filename("x")  # expect: DS503:5
bodies = [s3.get_object(Bucket="data", Key=k) for k in keys]  # expect: DS503:11


# Good: one transfer, or transfers handed to a pool
s3.download_file("data", "model.pt", "/tmp/model.pt")


def fetch(key):
    s3.download_file("data", key, f"/tmp/{key}")


with ThreadPoolExecutor(max_workers=16) as pool:
    list(pool.map(fetch, keys))
