# fixture: DS501
import os

import boto3
import s3fs
from googleapiclient.discovery import build

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",  # expect: DS501:5
    aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",  # expect: DS501:5
)
fs = s3fs.S3FileSystem(key="AKIA-like-but-not", secret="abc123")  # expect: DS501:24 DS501:49
drive = build("drive", "v3", developerKey="AIzaSyDUMMYDUMMY")  # expect: DS501:30
SERVICE_ACCOUNT = {  # expect: DS501:19
    "type": "service_account",
    "private_key": "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n",
}
KEY_ID = "AKIAIOSFODNN7EXAMPLE"  # expect: DS501:10

# Good: the default credential chain, values from the environment, other calls.
s3 = boto3.client("s3")
s3 = boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"])
cache.get(key="not-a-cloud-call")
CONFIG = {"type": "service_account", "project_id": "demo"}
