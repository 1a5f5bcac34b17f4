"""The object store over the AWS SDK (boto3), for AWS S3, MinIO and the like.

boto3 is synchronous, so each network call runs in a thread of the store's own
pool: a store that hangs ties up those threads only, never the ones password
hashing and the database driver run on. Transient failures (connection errors,
throttling, 5xx) are retried by the SDK's "standard" mode: exponential backoff
with jitter, capped at 20 seconds a wait, for at most `max_attempts` tries.
What still fails becomes DependencyUnavailableError, which the API answers with
503 and the health check reports.
"""

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import cache, partial
from typing import TYPE_CHECKING, Any, TypeVar

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from ..config import Settings
from ..errors import DependencyUnavailableError
from ..logging import get_logger
from ..services.ports import ObjectInfo, UploadForm

if TYPE_CHECKING:
    from types_boto3_s3.client import S3Client

DEPENDENCY = "object store"
MISSING_OBJECT = frozenset({"404", "NoSuchKey", "NotFound"})
MISSING_BUCKET = frozenset({"404", "NoSuchBucket", "NotFound"})
# Concurrent calls to the store; more wait for a free thread.
STORE_THREADS = 8
ResultT = TypeVar("ResultT")
logger = get_logger(__name__)


# Sessions are not thread-safe; clients made from one are.
_SDK_SESSION_LOCK = threading.Lock()


@cache
def _sdk_session() -> boto3.session.Session:
    """One SDK session per process: each new one parses the S3 model again
    (a fifth of a second), and a store makes three clients."""
    return boto3.session.Session()


def build_client(
    settings: Settings, *, endpoint_url: str, max_attempts: int | None = None
) -> "S3Client":
    config = Config(
        region_name=settings.storage_region,
        signature_version="s3v4",
        s3={"addressing_style": "path" if settings.storage_path_style else "auto"},
        # total_max_attempts counts the first try; botocore's max_attempts would not.
        retries={
            "mode": "standard",
            "total_max_attempts": max_attempts or settings.storage_max_attempts,
        },
        connect_timeout=settings.storage_timeout_seconds,
        read_timeout=settings.storage_timeout_seconds,
    )
    access_key_id = settings.storage_access_key_id
    secret_access_key = settings.storage_secret_access_key
    # None leaves credentials to the SDK's chain (AWS_* variables, an IAM role).
    with _SDK_SESSION_LOCK:
        return _sdk_session().client(
            "s3",
            endpoint_url=endpoint_url or None,
            aws_access_key_id=(
                access_key_id.get_secret_value() if access_key_id else None
            ),
            aws_secret_access_key=(
                secret_access_key.get_secret_value() if secret_access_key else None
            ),
            config=config,
        )


def _error_code(error: Exception) -> str:
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code", "unknown"))
    return type(error).__name__


class S3ObjectStore:
    def __init__(
        self,
        *,
        client: "S3Client",
        presign_client: "S3Client",
        probe_client: "S3Client",
        bucket: str,
    ) -> None:
        self._client = client
        # Signs URLs for clients, with the address they reach the store at.
        self._presign_client = presign_client
        # One try per health check: the orchestrator asks again anyway.
        self._probe_client = probe_client
        self._bucket = bucket
        self._executor = ThreadPoolExecutor(
            max_workers=STORE_THREADS, thread_name_prefix="object-store"
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> "S3ObjectStore":
        client = build_client(settings, endpoint_url=settings.storage_endpoint_url)
        public_endpoint = settings.storage_public_endpoint_url
        presign_client = (
            build_client(settings, endpoint_url=public_endpoint)
            if public_endpoint
            else client
        )
        return cls(
            client=client,
            presign_client=presign_client,
            probe_client=build_client(
                settings, endpoint_url=settings.storage_endpoint_url, max_attempts=1
            ),
            bucket=settings.storage_bucket,
        )

    def close(self) -> None:
        """Stops the store's threads (calls still running finish on their own)."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def presign_upload(
        self, key: str, *, content_type: str, size_bytes: int, expires_in: timedelta
    ) -> UploadForm:
        post = await self._call(
            "presign upload",
            self._presign_client.generate_presigned_post,
            Bucket=self._bucket,
            Key=key,
            Fields={"Content-Type": content_type},
            # The store refuses any other type or size (S3 and MinIO enforce this).
            Conditions=[
                {"Content-Type": content_type},
                ["content-length-range", size_bytes, size_bytes],
            ],
            ExpiresIn=int(expires_in.total_seconds()),
        )
        return UploadForm(url=post["url"], fields=dict(post["fields"]))

    async def presign_download(
        self,
        key: str,
        *,
        content_type: str,
        content_disposition: str,
        expires_in: timedelta,
    ) -> str:
        return await self._call(
            "presign download",
            self._presign_client.generate_presigned_url,
            ClientMethod="get_object",
            Params={
                "Bucket": self._bucket,
                "Key": key,
                "ResponseContentType": content_type,
                "ResponseContentDisposition": content_disposition,
            },
            ExpiresIn=int(expires_in.total_seconds()),
        )

    async def stat(self, key: str) -> ObjectInfo | None:
        head = await self._call_unless_missing(
            "head object",
            MISSING_OBJECT,
            self._client.head_object,
            Bucket=self._bucket,
            Key=key,
        )
        if head is not None:
            return ObjectInfo(
                size_bytes=head["ContentLength"],
                content_type=head.get("ContentType", ""),
            )
        # A HEAD answer has no body: a bare 404 may mean the bucket itself is gone,
        # which is an outage (503), not a missing upload.
        await self.check()
        return None

    async def delete(self, key: str) -> None:
        await self._call(
            "delete object", self._client.delete_object, Bucket=self._bucket, Key=key
        )

    async def check(self) -> None:
        """Raises unless the bucket answers (the health check)."""
        await self._call(
            "head bucket", self._probe_client.head_bucket, Bucket=self._bucket
        )

    async def ensure_bucket(self, *, create: bool) -> None:
        """At start-up: the bucket exists, or is created when `create` says so."""
        found = await self._call_unless_missing(
            "head bucket", MISSING_BUCKET, self._client.head_bucket, Bucket=self._bucket
        )
        if found is not None:
            return
        if not create:
            raise DependencyUnavailableError(
                DEPENDENCY,
                f"bucket {self._bucket!r} does not exist; create it, or set "
                "APP_STORAGE_CREATE_BUCKET=true to let the service create it",
            )
        await self._call("create bucket", self._create_bucket)
        logger.info("bucket_created", bucket=self._bucket)

    def _create_bucket(self) -> None:
        region = self._client.meta.region_name
        try:
            self._create_bucket_in(region)
        except ClientError as error:
            # Another replica starting at the same time created it first.
            if _error_code(error) != "BucketAlreadyOwnedByYou":
                raise

    def _create_bucket_in(self, region: str) -> None:
        if region == "us-east-1":
            # The one region that refuses an explicit location constraint.
            self._client.create_bucket(Bucket=self._bucket)
        else:
            self._client.create_bucket(
                Bucket=self._bucket,
                CreateBucketConfiguration={"LocationConstraint": region},  # type: ignore[typeddict-item]
            )

    async def _call(
        self, operation: str, function: Callable[..., ResultT], **kwargs: Any
    ) -> ResultT:
        try:
            return await self._run(function, **kwargs)
        except (BotoCoreError, ClientError) as error:
            raise self._unavailable(operation, error) from error

    async def _call_unless_missing(
        self,
        operation: str,
        missing: frozenset[str],
        function: Callable[..., ResultT],
        **kwargs: Any,
    ) -> ResultT | None:
        """As _call, but None when the store answers with one of `missing`."""
        try:
            return await self._run(function, **kwargs)
        except ClientError as error:
            if _error_code(error) in missing:
                return None
            raise self._unavailable(operation, error) from error
        except BotoCoreError as error:
            raise self._unavailable(operation, error) from error

    def _unavailable(
        self, operation: str, error: Exception
    ) -> DependencyUnavailableError:
        code = _error_code(error)
        logger.warning("object_store_failed", operation=operation, error=code)
        return DependencyUnavailableError(DEPENDENCY, f"{operation} failed ({code})")

    async def _run(self, function: Callable[..., ResultT], **kwargs: Any) -> ResultT:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(function, **kwargs))
