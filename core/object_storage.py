"""Media in S3-compatible object storage (django-storages), when ``AWS_STORAGE_BUCKET_NAME`` is set.

Importing this module imports boto3 (tens of megabytes): only the ``STORAGES`` setting names it,
so a site on the local folder never loads it. ``core.storage`` answers questions about the
configured storage without importing it.

Every object is written without an ACL, so the bucket's own (private) default applies: nothing is
world-readable through the bucket's API. URLs are signed and short-lived, except renditions
(``images/``), which every public page shows and the page cache keeps for minutes: they get plain
URLs, served by a CDN (``AWS_S3_CUSTOM_DOMAIN``) or by a bucket policy that lets anyone read
``images/*`` (docs/deployment.md). Documents always go through Wagtail's serve view first.
"""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .storage import PUBLIC_PREFIXES


class MediaStorage(S3Storage):
    def get_default_settings(self):
        defaults = super().get_default_settings()
        # A file never replaces another of the same name (Wagtail adds a suffix, as on disk).
        defaults["file_overwrite"] = False
        # The bucket's private default for every object, whatever AWS_DEFAULT_ACL says.
        defaults["default_acl"] = None
        return defaults

    def is_public(self, name):
        return name.startswith(PUBLIC_PREFIXES)

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.is_public(name) and not parameters:
            if self.custom_domain:
                return super().url(name)
            # The unsigned client gives the bucket's plain, stable address.
            client = self.unsigned_connection.meta.client
            params = {"Bucket": self.bucket_name, "Key": self._normalize_name(clean_name(name))}
            return client.generate_presigned_url("get_object", Params=params, ExpiresIn=0)
        # Signed by the bucket itself even when a CDN domain is set: a CDN address would be unsigned.
        params = {**(parameters or {}), "Bucket": self.bucket_name, "Key": self._normalize_name(clean_name(name))}
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=self.querystring_expire if expire is None else expire,
            HttpMethod=http_method,
        )

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        params.pop("ACL", None)  # never public-read, whatever AWS_S3_OBJECT_PARAMETERS says
        if self.is_public(name):
            params.setdefault("CacheControl", "public, max-age=31536000, immutable")
        return params
