"""Where independent work items run: inline, in local worker processes or threads, or on Ray.

Every executor's ``map`` yields results in input order, lazily, so the caller can store or
report each one as it arrives and a crash loses only work that was not yet returned.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor as FuturesExecutor
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Protocol


class Executor(Protocol):
    remote: bool  # True when items run on other machines (they must do all heavy work there)

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]: ...

    def close(self) -> None: ...


class InlineExecutor:
    remote = False

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        return (fn(item) for item in items)

    def close(self) -> None:
        return None


class PoolExecutor:
    """Local processes (CPU-bound Python such as PDF parsing) or threads (I/O-bound work
    such as LLM calls), at most ``ahead`` items in flight beyond the one being consumed."""

    remote = False

    def __init__(
        self,
        workers: int,
        kind: str = "process",
        ahead: int | None = None,
        memory_mb: int | None = None,
    ) -> None:
        self.workers = max(1, workers)
        self.ahead = ahead or self.workers + 1
        self._pool: FuturesExecutor = (
            # spawn: the parent holds onnxruntime and Chroma threads that fork would copy
            ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=functools.partial(start_worker, memory_mb),
            )
            if kind == "process"
            else ThreadPoolExecutor(self.workers)
        )

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        pending: deque = deque()
        for item in items:
            pending.append(self._pool.submit(fn, item))
            if len(pending) > self.ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def start_worker(memory_mb: int | None) -> None:
    """A worker ends with its parent, and a hostile file cannot take the machine's memory:
    past ``memory_mb`` of data an allocation fails (MemoryError: that file's failure)."""
    die_with_parent()
    if memory_mb and sys.platform.startswith("linux"):
        import resource  # Unix only: the worker's memory cap

        cap = memory_mb * 2**20
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def die_with_parent() -> None:
    """A worker ends when its parent does, however the parent ends (kill -9 included):
    Linux delivers SIGKILL on the parent's death (prctl PR_SET_PDEATHSIG). Elsewhere a
    no-op; the pool's own shutdown covers a clean exit."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # Linux only, like the prctl call below
    import signal

    parent = os.getppid()
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the call took effect
        os._exit(1)


class RayExecutor:
    """Items as Ray tasks on a cluster (``address``) or a local Ray instance (``"local"``).

    Workers import ``pipeline`` themselves: install the same package on every node.
    """

    remote = True

    def __init__(self, address: str = "local", num_cpus: int | None = None, ahead: int = 64):
        try:
            import ray  # optional (the ray extra), loaded by a Ray run only
        except ImportError as exc:  # an optional extra: say how to get it
            raise RuntimeError("the Ray executor needs ray: pip install 'necessity[ray]'") from exc
        self._ray = ray
        self.ahead = ahead
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "ignore_reinit_error": True,
            }
            if address == "local":
                kwargs["num_cpus"] = num_cpus
            else:
                kwargs["address"] = address
            ray.init(**kwargs)
            self._started = True
        else:
            self._started = False

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        remote_fn = self._ray.remote(fn)
        pending: deque = deque()
        for item in items:
            pending.append(remote_fn.remote(item))
            if len(pending) > self.ahead:
                yield self._ray.get(pending.popleft())
        while pending:
            yield self._ray.get(pending.popleft())

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()


# Starting a parse worker (spawn, imports) costs about 0.45 s here; parsing runs at about
# 3 MB/s. Below this much PDF the overlap cannot repay the start.
SMALL_JOB_BYTES = 2 * 2**20


def default_executor(
    items: int, memory_mb: int | None = None, total_bytes: int | None = None
) -> Executor:
    """One parse worker overlaps parsing with embedding; not worth starting for one file or
    a small job (parsed in this process then: bounded in time, not in memory)."""
    small = total_bytes is not None and total_bytes < SMALL_JOB_BYTES
    if items > 1 and not small:
        return PoolExecutor(1, "process", memory_mb=memory_mb)
    return InlineExecutor()


def make_executor(
    name: str, workers: int = 1, address: str | None = None, memory_mb: int | None = None
) -> Executor:
    if name == "ray":
        return RayExecutor(address or "local", num_cpus=workers if workers > 1 else None)
    if name == "local":
        if workers > 0:
            return PoolExecutor(workers, "process", memory_mb=memory_mb)
        return InlineExecutor()
    if name == "inline":
        return InlineExecutor()
    raise ValueError(f"unknown executor {name!r}; choose local, inline or ray")
