"""A real S3 server for the tests: moto's server mode, started once per session on a free port.

Not a mock of the Python client: django-storages and boto3 talk HTTP to it as they would to any
S3-compatible service. Each test gets a bucket of its own (``object_storage``).
"""

import json
import socket
import uuid

import boto3

REGION = "us-east-1"
KEYS = {"AWS_ACCESS_KEY_ID": "test-access-key", "AWS_SECRET_ACCESS_KEY": "test-secret-key"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def public_renditions_policy(bucket):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/images/*",
            }
        ],
    }


class S3Server:
    def __init__(self):
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)

    def start(self):
        self.server.start()
        host, port = self.server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        return self

    def stop(self):
        self.server.stop()

    def client(self, endpoint=None):
        return boto3.client(
            "s3",
            endpoint_url=endpoint or self.endpoint,
            region_name=REGION,
            aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
        )

    def new_bucket(self):
        """A private bucket whose renditions anyone may read, as docs/deployment.md sets one up."""
        name = f"coalition-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        self.client().put_bucket_policy(Bucket=name, Policy=json.dumps(public_renditions_policy(name)))
        return name

    def keys(self, bucket):
        listing = self.client().list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def environment(self, bucket, endpoint=None):
        """The environment variables that switch the site to this bucket (docs/deployment.md)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": endpoint or self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            **KEYS,
        }


def storage_settings(bucket, endpoint, *, expire=120):
    """What config/settings/base.py sets from those variables, for a test's ``settings``."""
    from botocore.config import Config

    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        **KEYS,
        "AWS_DEFAULT_ACL": None,
        "AWS_QUERYSTRING_AUTH": True,
        "AWS_QUERYSTRING_EXPIRE": expire,
        "AWS_S3_FILE_OVERWRITE": False,
        "AWS_S3_CLIENT_CONFIG": Config(
            signature_version="s3v4", connect_timeout=1, read_timeout=5, retries={"max_attempts": 1}
        ),
        "WAGTAILDOCS_SERVE_METHOD": "redirect",
    }
