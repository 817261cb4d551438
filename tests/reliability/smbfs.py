"""A FUSE SMB client (fusepy + smbprotocol) that behaves as a PC's mapped drive for SQLite:
no client cache, POSIX byte-range locks sent to the server as SMB2 LOCK requests, and every
SMB request counted by kind.

    python -m tests.reliability.smbfs HOST PORT SHARE MOUNTPOINT --user U --password P \
        [--counts FILE]

One mount is one PC: one TCP connection, one SMB session, one tree connect. Runs in the
foreground until unmounted or killed.

- **No cache**: mounted with `direct_io` and attribute, entry and negative timeouts of 0, so
  every read, write and stat the application makes reaches the server.
- **Locks**: `fcntl` F_SETLK / F_SETLKW / F_GETLK as SQLite's unix VFS uses them (shared and
  exclusive ranges, upgrades, downgrades, unlocks of a range or of the whole file, the unlock of
  everything a process holds when it closes a descriptor). POSIX locks belong to a process and
  merge, split and convert; SMB locks belong to an open, stack, and are released only by an
  unlock of exactly the range locked. So each process's locks on a file are kept as segments
  on one SMB open, and a POSIX request becomes the SMB locks and unlocks that turn the old
  segments into the new ones. An upgrade (shared to exclusive on the same range) is an unlock
  and a lock: an open cannot take an exclusive lock over its own shared one. F_GETLK has no SMB
  request: it is a lock with FAIL_IMMEDIATELY on the free part of the range, undone at once.
  F_SETLKW polls (every 5 ms); SQLite never blocks on a lock.
- **Counts**: every SMB request by command (create, close, read, write, flush, lock,
  query_info, set_info, query_directory, ...) and every round trip (a compound of requests is
  one). `/.smbfs-counts` reads them as JSON without sending anything to the server;
  `--counts FILE` writes them there every half second and when unmounted.
- A stat by path is one compound round trip (CREATE + CLOSE: the CREATE response carries size,
  times and attributes); a stat of an open file is one QUERY_INFO; unlink is CREATE with
  delete-on-close + CLOSE. statfs, access, chmod, chown and utimens answer locally (SMB has no
  POSIX owners or modes).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import datetime as dt
import errno
import json
import os
import stat
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

if not ctypes.util.find_library("fuse") and os.path.exists("/lib/x86_64-linux-gnu/libfuse.so.2"):
    os.environ.setdefault("FUSE_LIBRARY_PATH", "/lib/x86_64-linux-gnu/libfuse.so.2")

import contextlib

from fuse import FUSE, FuseOSError, Operations
from smbprotocol.connection import Connection
from smbprotocol.exceptions import SMBException, SMBResponseException
from smbprotocol.file_info import (
    FileAttributes,
    FileEndOfFileInformation,
    FileInformationClass,
    FileStandardInformation,
    InfoType,
)
from smbprotocol.header import Commands
from smbprotocol.open import (
    CreateDisposition,
    CreateOptions,
    FilePipePrinterAccessMask,
    ImpersonationLevel,
    LockFlags,
    Open,
    ShareAccess,
    SMB2LockElement,
    SMB2QueryInfoRequest,
    SMB2QueryInfoResponse,
    SMB2SetInfoRequest,
)
from smbprotocol.session import Session
from smbprotocol.tree import TreeConnect

COUNTS_FILE = "/.smbfs-counts"
COUNTS_SIZE = 4096
F_GETLK, F_SETLK, F_SETLKW = 5, 6, 7
F_RDLCK, F_WRLCK, F_UNLCK = 0, 1, 2
LOCK_MAX = (1 << 63) - 1  # SMB lock lengths are signed 64-bit here; POSIX "to the end"
COMMAND_NAMES = {
    value: name[len("SMB2_") :].lower()
    for name, value in vars(Commands).items()
    if name.startswith("SMB2_")
}
STATUS_ERRNO = {
    0xC0000034: errno.ENOENT,  # OBJECT_NAME_NOT_FOUND
    0xC000003A: errno.ENOENT,  # OBJECT_PATH_NOT_FOUND
    0xC000000F: errno.ENOENT,  # NO_SUCH_FILE
    0xC0000035: errno.EEXIST,  # OBJECT_NAME_COLLISION
    0xC0000022: errno.EACCES,  # ACCESS_DENIED
    0xC0000043: errno.EACCES,  # SHARING_VIOLATION
    0xC0000056: errno.EACCES,  # DELETE_PENDING
    0xC0000054: errno.EAGAIN,  # FILE_LOCK_CONFLICT
    0xC0000055: errno.EAGAIN,  # LOCK_NOT_GRANTED
    0xC000007F: errno.ENOSPC,  # DISK_FULL
    0xC0000101: errno.ENOTEMPTY,  # DIRECTORY_NOT_EMPTY
    0xC00000BA: errno.EISDIR,  # FILE_IS_A_DIRECTORY
    0xC0000103: errno.ENOTDIR,  # NOT_A_DIRECTORY
    0xC00000A2: errno.EROFS,  # MEDIA_WRITE_PROTECTED
}
LOCK_REFUSED = (0xC0000054, 0xC0000055)


class Flock(ctypes.Structure):
    _fields_ = [
        ("l_type", ctypes.c_short),
        ("l_whence", ctypes.c_short),
        ("l_start", ctypes.c_int64),
        ("l_len", ctypes.c_int64),
        ("l_pid", ctypes.c_int32),
    ]


def _errno(e: Exception) -> int:
    if isinstance(e, SMBResponseException):
        return STATUS_ERRNO.get(e.status, errno.EIO)
    return errno.EIO


def _epoch(value) -> float:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.timestamp()
    if isinstance(value, int) and value > 0:  # FILETIME: 100 ns since 1601
        return value / 1e7 - 11644473600
    return 0.0


@dataclass
class Segment:
    start: int
    end: int  # exclusive
    kind: int  # F_RDLCK or F_WRLCK


@dataclass
class Handle:
    smb: Open
    path: str
    lock_owner: int | None = None  # the first process to lock through this open
    extra: dict[int, Open] = field(default_factory=dict)  # other processes' lock opens


class Counts:
    def __init__(self) -> None:
        self.by_kind: Counter = Counter()
        self.round_trips = 0
        self.lock_refused = 0
        self.lock_relock_failed = 0
        self.mutex = threading.Lock()

    def sent(self, messages) -> None:
        with self.mutex:
            self.round_trips += 1
            for m in messages:
                self.by_kind[COMMAND_NAMES.get(m.COMMAND, str(m.COMMAND))] += 1

    def snapshot(self) -> dict:
        with self.mutex:
            return {
                "requests": sum(self.by_kind.values()),
                "round_trips": self.round_trips,
                "by_kind": dict(sorted(self.by_kind.items())),
                "lock_refused": self.lock_refused,
                "lock_relock_failed": self.lock_relock_failed,
            }


class CountingConnection(Connection):
    """smbprotocol's connection, counting what it sends."""

    counts: Counts

    def send(self, message, *args, **kwargs):
        if message.COMMAND not in (Commands.SMB2_CANCEL,):
            self.counts.sent([message])
        return super().send(message, *args, **kwargs)

    def send_compound(self, messages, *args, **kwargs):
        self.counts.sent(messages)
        return super().send_compound(messages, *args, **kwargs)


READ_ACCESS = (
    FilePipePrinterAccessMask.FILE_READ_DATA
    | FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES
    | FilePipePrinterAccessMask.SYNCHRONIZE
)
WRITE_ACCESS = (
    READ_ACCESS
    | FilePipePrinterAccessMask.FILE_WRITE_DATA
    | FilePipePrinterAccessMask.FILE_APPEND_DATA
    | FilePipePrinterAccessMask.FILE_WRITE_ATTRIBUTES
)
SHARE_ALL = (
    ShareAccess.FILE_SHARE_READ | ShareAccess.FILE_SHARE_WRITE | ShareAccess.FILE_SHARE_DELETE
)


class SmbFs(Operations):
    def __init__(self, host: str, port: int, share: str, user: str, password: str) -> None:
        self.counts = Counts()
        self.conn = CountingConnection(uuid.uuid4(), host, port, require_signing=True)
        self.conn.counts = self.counts
        self.conn.connect(timeout=20)
        self.session = Session(
            self.conn, user, password, require_encryption=False, auth_protocol="ntlm"
        )
        self.session.connect()
        self.tree = TreeConnect(self.session, rf"\\{host}\{share}")
        self.tree.connect()
        self.handles: dict[int, Handle] = {}
        self.next_fh = 1
        self.mutex = threading.Lock()
        # POSIX locks: (path, owner) -> segments, each owner's on one SMB open
        self.locks: dict[tuple[str, int], list[Segment]] = {}
        self.lock_open: dict[tuple[str, int], Open] = {}
        self.lock_mutex = threading.Lock()
        self.uid, self.gid = os.getuid(), os.getgid()

    # --- plumbing ---------------------------------------------------------------------------
    @staticmethod
    def _name(path: str) -> str:
        return path.lstrip("/").replace("/", "\\")

    def _compound(self, pairs) -> list:
        """Send (message, unpack) pairs as one related compound; every response is read (the
        connection needs each one consumed), the first error raised after."""
        requests = self.conn.send_compound(
            [m for m, _ in pairs], self.session.session_id, self.tree.tree_connect_id, related=True
        )
        results, error = [], None
        for (_, unpack), request in zip(pairs, requests, strict=True):
            try:
                results.append(unpack(request))
            except SMBException as e:
                error = error or e
                results.append(None)
        if error is not None:
            raise error
        return results

    def _create(self, path, access, disposition, options, attributes=0) -> Open:
        smb = Open(self.tree, self._name(path))
        smb.create(
            ImpersonationLevel.Impersonation,
            access,
            attributes or FileAttributes.FILE_ATTRIBUTE_NORMAL,
            SHARE_ALL,
            disposition,
            options,
        )
        return smb

    def _open_close(self, path, access, disposition, options, attributes=0) -> Open:
        """CREATE and CLOSE in one round trip; the Open keeps the CREATE response's fields."""
        smb = Open(self.tree, self._name(path))
        create = smb.create(
            ImpersonationLevel.Impersonation,
            access,
            attributes or FileAttributes.FILE_ATTRIBUTE_NORMAL,
            SHARE_ALL,
            disposition,
            options,
            send=False,
        )
        close = smb.close(False, send=False)
        self._compound([create, close])
        return smb

    def _handle(self, fh: int) -> Handle:
        try:
            return self.handles[fh]
        except KeyError:
            raise FuseOSError(errno.EBADF) from None

    def __call__(self, op, *args):
        try:
            return super().__call__(op, *args)
        except FuseOSError:
            raise
        except SMBException as e:
            raise FuseOSError(_errno(e)) from e
        except OSError as e:  # the connection went away
            raise FuseOSError(errno.EIO) from e

    # --- the counts file --------------------------------------------------------------------
    def _counts_bytes(self) -> bytes:
        data = json.dumps(self.counts.snapshot()).encode()
        return data.ljust(COUNTS_SIZE)[:COUNTS_SIZE]

    # --- attributes -------------------------------------------------------------------------
    def _attrs(self, attributes: int, size: int, times: tuple[float, float, float]) -> dict:
        is_dir = attributes & FileAttributes.FILE_ATTRIBUTE_DIRECTORY
        if is_dir:
            mode = stat.S_IFDIR | 0o755
        else:
            read_only = attributes & FileAttributes.FILE_ATTRIBUTE_READONLY
            mode = stat.S_IFREG | (0o444 if read_only else 0o644)
        atime, mtime, ctime = times
        return {
            "st_mode": mode,
            "st_nlink": 2 if is_dir else 1,
            "st_size": size,
            "st_uid": self.uid,
            "st_gid": self.gid,
            "st_atime": atime,
            "st_mtime": mtime,
            "st_ctime": ctime,
        }

    def getattr(self, path, fh=None):
        if path == COUNTS_FILE:
            now = time.time()
            return self._attrs(FileAttributes.FILE_ATTRIBUTE_READONLY, COUNTS_SIZE, (now,) * 3)
        if fh is not None and getattr(fh, "fh", 0) in self.handles:
            handle = self.handles[fh.fh]
            info = self._query(handle.smb, FileStandardInformation)
            smb = handle.smb
            attrs = self._attrs(
                smb.file_attributes,
                info["end_of_file"].get_value(),
                (
                    _epoch(smb.last_access_time),
                    _epoch(smb.last_write_time),
                    _epoch(smb.change_time),
                ),
            )
            if info["delete_pending"].get_value():
                attrs["st_nlink"] = 0
            return attrs
        smb = self._open_close(
            path, FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES, CreateDisposition.FILE_OPEN, 0
        )
        return self._attrs(
            smb.file_attributes,
            smb.end_of_file,
            (_epoch(smb.last_access_time), _epoch(smb.last_write_time), _epoch(smb.change_time)),
        )

    def _query(self, smb: Open, info_class):
        info = info_class()
        req = SMB2QueryInfoRequest()
        req["info_type"] = info.INFO_TYPE
        req["file_info_class"] = info.INFO_CLASS
        req["file_id"] = smb.file_id
        req["output_buffer_length"] = len(info)
        request = self.conn.send(req, self.session.session_id, self.tree.tree_connect_id)
        response = self.conn.receive(request)
        resp = SMB2QueryInfoResponse()
        resp.unpack(response["data"].get_value())
        return resp.parse_buffer(info_class)

    def _set_eof(self, smb: Open, length: int) -> None:
        info = FileEndOfFileInformation()
        info["end_of_file"] = length
        req = SMB2SetInfoRequest()
        req["info_type"] = InfoType.SMB2_0_INFO_FILE
        req["file_info_class"] = FileInformationClass.FILE_END_OF_FILE_INFORMATION
        req["file_id"] = smb.file_id
        req["buffer"] = info
        request = self.conn.send(req, self.session.session_id, self.tree.tree_connect_id)
        self.conn.receive(request)

    def access(self, path, amode):
        return 0

    def chmod(self, path, mode):
        return 0

    def chown(self, path, uid, gid):
        return 0

    def utimens(self, path, times=None):
        return 0

    def statfs(self, path):
        return {
            "f_bsize": 4096,
            "f_frsize": 4096,
            "f_blocks": 1 << 24,
            "f_bfree": 1 << 23,
            "f_bavail": 1 << 23,
            "f_files": 1 << 20,
            "f_ffree": 1 << 19,
            "f_favail": 1 << 19,
            "f_namemax": 255,
        }

    # --- files ------------------------------------------------------------------------------
    def _new_fh(self, fi, smb: Open, path: str) -> int:
        with self.mutex:
            fh = self.next_fh
            self.next_fh += 1
            self.handles[fh] = Handle(smb, path)
        fi.fh = fh
        fi.direct_io = 1
        fi.keep_cache = 0
        return 0

    def open(self, path, fi):
        if path == COUNTS_FILE:
            fi.fh = 0
            fi.direct_io = 1
            return 0
        flags = fi.flags
        writing = flags & (os.O_WRONLY | os.O_RDWR)
        disposition = (
            CreateDisposition.FILE_OVERWRITE if flags & os.O_TRUNC else CreateDisposition.FILE_OPEN
        )
        smb = self._create(
            path,
            WRITE_ACCESS if writing else READ_ACCESS,
            disposition,
            CreateOptions.FILE_NON_DIRECTORY_FILE,
        )
        return self._new_fh(fi, smb, path)

    def create(self, path, mode, fi):
        flags = fi.flags
        if flags & os.O_EXCL:
            disposition = CreateDisposition.FILE_CREATE
        elif flags & os.O_TRUNC:
            disposition = CreateDisposition.FILE_OVERWRITE_IF
        else:
            disposition = CreateDisposition.FILE_OPEN_IF
        smb = self._create(path, WRITE_ACCESS, disposition, CreateOptions.FILE_NON_DIRECTORY_FILE)
        return self._new_fh(fi, smb, path)

    def read(self, path, size, offset, fh):
        if path == COUNTS_FILE:
            return self._counts_bytes()[offset : offset + size]
        smb = self._handle(fh.fh).smb
        try:
            return smb.read(offset, size)
        except SMBResponseException as e:
            if e.status == 0xC0000011:  # END_OF_FILE
                return b""
            raise

    def write(self, path, data, offset, fh):
        return self._handle(fh.fh).smb.write(data, offset)

    def truncate(self, path, length, fh=None):
        if fh is not None and getattr(fh, "fh", 0) in self.handles:
            self._set_eof(self.handles[fh.fh].smb, length)
            return 0
        smb = self._create(
            path, WRITE_ACCESS, CreateDisposition.FILE_OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE
        )
        try:
            self._set_eof(smb, length)
        finally:
            smb.close()
        return 0

    def flush(self, path, fh):
        return 0  # close(2) of one descriptor: nothing to send (the release sends CLOSE)

    def fsync(self, path, datasync, fh):
        if path == COUNTS_FILE:
            return 0
        self._handle(fh.fh).smb.flush()
        return 0

    def release(self, path, fh):
        if path == COUNTS_FILE:
            return 0
        with self.mutex:
            handle = self.handles.pop(fh.fh, None)
        if handle is None:
            return 0
        with self.lock_mutex:  # the server drops an open's locks when it is closed
            for key, smb in list(self.lock_open.items()):
                if smb is handle.smb or smb in handle.extra.values():
                    del self.lock_open[key]
                    self.locks.pop(key, None)
        for smb in handle.extra.values():
            smb.close()
        handle.smb.close()
        return 0

    def unlink(self, path):
        self._open_close(
            path,
            FilePipePrinterAccessMask.DELETE | FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES,
            CreateDisposition.FILE_OPEN,
            CreateOptions.FILE_NON_DIRECTORY_FILE | CreateOptions.FILE_DELETE_ON_CLOSE,
        )
        return 0

    # --- folders ----------------------------------------------------------------------------
    def mkdir(self, path, mode):
        self._open_close(
            path,
            FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES,
            CreateDisposition.FILE_CREATE,
            CreateOptions.FILE_DIRECTORY_FILE,
            FileAttributes.FILE_ATTRIBUTE_DIRECTORY,
        )
        return 0

    def rmdir(self, path):
        self._open_close(
            path,
            FilePipePrinterAccessMask.DELETE | FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES,
            CreateDisposition.FILE_OPEN,
            CreateOptions.FILE_DIRECTORY_FILE | CreateOptions.FILE_DELETE_ON_CLOSE,
        )
        return 0

    def readdir(self, path, fh):
        smb = self._create(
            path,
            FilePipePrinterAccessMask.FILE_READ_DATA
            | FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES,
            CreateDisposition.FILE_OPEN,
            CreateOptions.FILE_DIRECTORY_FILE,
        )
        names = []
        try:
            while True:
                try:
                    entries = smb.query_directory("*", FileInformationClass.FILE_NAMES_INFORMATION)
                except SMBResponseException as e:
                    if e.status == 0x80000006:  # NO_MORE_FILES
                        break
                    raise
                if not entries:
                    break
                names += [e["file_name"].get_value().decode("utf-16-le") for e in entries]
        finally:
            smb.close()
        return [n for n in names if n not in (".", "..")] + [".", ".."]

    def rename(self, old, new):
        raise FuseOSError(errno.ENOSYS)  # SQLite never renames; nor does the app on a share

    # --- locks ------------------------------------------------------------------------------
    def _lock_smb(self, smb: Open, elements: list[tuple[int, int, int]]) -> None:
        """One SMB2 LOCK request: (start, end, flags) elements."""
        locks = []
        for start, end, flags in elements:
            el = SMB2LockElement()
            el["offset"] = start
            el["length"] = end - start
            el["flags"] = flags
            locks.append(el)
        smb.lock(locks)

    def _take(self, smb: Open, seg: Segment) -> bool:
        flags = LockFlags.SMB2_LOCKFLAG_FAIL_IMMEDIATELY | (
            LockFlags.SMB2_LOCKFLAG_EXCLUSIVE_LOCK
            if seg.kind == F_WRLCK
            else LockFlags.SMB2_LOCKFLAG_SHARED_LOCK
        )
        try:
            self._lock_smb(smb, [(seg.start, seg.end, flags)])
        except SMBResponseException as e:
            if e.status in LOCK_REFUSED:
                with self.counts.mutex:
                    self.counts.lock_refused += 1
                return False
            raise
        return True

    def _drop(self, smb: Open, segments: list[Segment]) -> None:
        if segments:
            unlock = LockFlags.SMB2_LOCKFLAG_UNLOCK
            self._lock_smb(smb, [(s.start, s.end, unlock) for s in segments])

    def _owner_open(self, key, fh: int, owner: int) -> Open:
        if key in self.lock_open:
            return self.lock_open[key]
        handle = self._handle(fh)
        if handle.lock_owner in (None, owner):
            handle.lock_owner = owner
            smb = handle.smb
        else:  # a second process locking through the same open file (after a fork)
            if owner not in handle.extra:
                handle.extra[owner] = self._create(
                    handle.path,
                    READ_ACCESS,
                    CreateDisposition.FILE_OPEN,
                    CreateOptions.FILE_NON_DIRECTORY_FILE,
                )
            smb = handle.extra[owner]
        self.lock_open[key] = smb
        return smb

    def _set(self, key, smb: Open, kind: int, start: int, end: int) -> bool:
        """Turn the owner's segments into those with [start, end) set to `kind` (or unlocked).
        False when another owner holds a conflicting lock (nothing changed then)."""
        old = self.locks.get(key, [])
        hit = [s for s in old if s.start < end and s.end > start]
        kept = [s for s in old if not (s.start < end and s.end > start)]
        pieces = [Segment(s.start, start, s.kind) for s in hit if s.start < start]
        pieces += [Segment(end, s.end, s.kind) for s in hit if s.end > end]
        if (
            kind != F_UNLCK
            and len(hit) == 1
            and not pieces
            and hit[0].kind == kind
            and hit[0].start <= start
            and hit[0].end >= end
        ):
            return True  # already held so
        new = Segment(start, end, kind) if kind != F_UNLCK else None
        if new is not None and new.kind == F_RDLCK:
            # a shared lock may stack over the open's own locks: take it first, then let go
            if not self._take(smb, new):
                return False
        elif new is not None:
            # an exclusive lock may not overlap the open's own locks: let them go first,
            # keeping shared remainders held across the gap
            for p in [p for p in pieces if p.kind == F_RDLCK]:
                self._take(smb, p)
            self._drop(smb, hit)
            if not self._take(smb, new):
                restored = [s for s in hit if self._take(smb, s)]
                self._drop(smb, [p for p in pieces if p.kind == F_RDLCK])
                if len(restored) != len(hit):
                    with self.counts.mutex:
                        self.counts.lock_relock_failed += 1
                self.locks[key] = kept + restored
                return False
            for p in [p for p in pieces if p.kind == F_WRLCK]:
                if not self._take(smb, p):
                    with self.counts.mutex:
                        self.counts.lock_relock_failed += 1
            self.locks[key] = [*kept, *pieces, new]
            return True
        for p in [p for p in pieces if p.kind == F_RDLCK]:
            self._take(smb, p)
        self._drop(smb, hit)
        for p in [p for p in pieces if p.kind == F_WRLCK]:
            if not self._take(smb, p):
                with self.counts.mutex:
                    self.counts.lock_relock_failed += 1
        self.locks[key] = [*kept, *pieces, *([new] if new else [])]
        if not self.locks[key]:
            del self.locks[key]
        return True

    def _test(self, key, smb: Open, kind: int, start: int, end: int) -> bool:
        """True when another owner holds a lock that conflicts with `kind` on [start, end)."""
        mine = sorted(self.locks.get(key, []), key=lambda s: s.start)
        gaps, at = [], start
        for s in mine:
            if s.end <= at or s.start >= end:
                continue
            if s.start > at:
                gaps.append((at, s.start))
            at = max(at, s.end)
        if at < end:
            gaps.append((at, end))
        for a, b in gaps:
            probe = Segment(a, b, kind)
            if not self._take(smb, probe):
                return True
            self._drop(smb, [probe])
        return False

    def lock(self, path, fh, cmd, lockp):
        fl = Flock.from_address(lockp)
        owner = fh.lock_owner
        start = fl.l_start
        if fl.l_len > 0:
            end = start + fl.l_len
        elif fl.l_len < 0:
            start, end = start + fl.l_len, start
        else:
            end = LOCK_MAX
        end = min(end, LOCK_MAX)
        key = (path, owner)
        if cmd == F_GETLK:
            with self.lock_mutex:
                smb = self._owner_open(key, fh.fh, owner)
                busy = self._test(key, smb, fl.l_type, start, end)
            if busy:
                fl.l_type = F_WRLCK
                fl.l_pid = 0
            else:
                fl.l_type = F_UNLCK
            return 0
        if cmd not in (F_SETLK, F_SETLKW):
            raise FuseOSError(errno.EINVAL)
        while True:
            with self.lock_mutex:
                if fl.l_type == F_UNLCK and key not in self.locks:
                    return 0  # nothing held: close(2) of a descriptor costs nothing
                smb = self._owner_open(key, fh.fh, owner)
                if self._set(key, smb, fl.l_type, start, end):
                    return 0
            if cmd == F_SETLK:
                raise FuseOSError(errno.EAGAIN)
            time.sleep(0.005)

    # --- lifetime ---------------------------------------------------------------------------
    def destroy(self, path):
        for handle in list(self.handles.values()):
            with contextlib.suppress(Exception):
                handle.smb.close()
        with contextlib.suppress(Exception):
            self.conn.disconnect(True)


def _write_counts(fs: SmbFs, target: str, stop: threading.Event) -> None:
    while True:
        tmp = target + ".tmp"
        with open(tmp, "w") as f:
            json.dump(fs.counts.snapshot(), f)
        os.replace(tmp, target)
        if stop.wait(0.5):
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("share")
    parser.add_argument("mountpoint")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default="", help="or the SMBFS_PASSWORD environment")
    parser.add_argument("--counts", default="")
    args = parser.parse_args(argv)
    password = args.password or os.environ.get("SMBFS_PASSWORD", "")
    fs = SmbFs(args.host, args.port, args.share, args.user, password)
    stop = threading.Event()
    if args.counts:
        threading.Thread(target=_write_counts, args=(fs, args.counts, stop), daemon=True).start()
    try:
        FUSE(
            fs,
            args.mountpoint,
            foreground=True,
            nothreads=False,
            raw_fi=True,
            direct_io=True,
            big_writes=True,
            hard_remove=True,
            attr_timeout=0,
            entry_timeout=0,
            negative_timeout=0,
            fsname=f"smbfs:{args.host}:{args.port}/{args.share}",
        )
    finally:
        stop.set()
        if args.counts:
            with open(args.counts, "w") as f:
                json.dump(fs.counts.snapshot(), f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
