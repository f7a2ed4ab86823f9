# fixture: DS504
import boto3
from botocore.config import Config

s3 = boto3.client("s3")  # expect: DS504:6
table = boto3.resource("dynamodb")  # expect: DS504:9
session = boto3.Session(profile_name="etl")
sqs = session.client("sqs")  # expect: DS504:7
LOOSE = Config(region_name="eu-west-1")  # expect: DS504:9

# Good
CONFIG = Config(retries={"max_attempts": 10, "mode": "adaptive"})
TIMED = Config(connect_timeout=5, read_timeout=30)
s3 = boto3.client("s3", config=CONFIG)
s3 = session.client("s3", config=CONFIG)
s3 = boto3.client(**client_kwargs)
other.client("not boto3")
