# fixture: DS502
import boto3

s3 = boto3.client("s3")
resp = s3.list_objects_v2(Bucket="data", Prefix="raw/")  # expect: DS502:8
old = s3.list_objects(Bucket="data")  # expect: DS502:7

# Good: paginators and manual pagination
paginator = s3.get_paginator("list_objects_v2")
for page in paginator.paginate(Bucket="data"):
    pass
resp = s3.list_objects_v2(Bucket="data", ContinuationToken=token)
resp = s3.list_objects_v2(**kwargs)
