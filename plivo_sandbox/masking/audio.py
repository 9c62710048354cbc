"""The audio files of simulated recordings: playable MP3 and WAV of a given length.

A recording holds a quiet 440 Hz tone (nobody spoke; a tone shows a player
really plays it). WAV comes from the standard ``wave`` module: 8 kHz, 16-bit
mono, as telephony records. MP3 is encoded by LAME (the ``lameenc`` package):
an MPEG-1 Layer III stream, 32 kHz mono at 32 kbit/s. Both are produced a
second at a time, so a long recording is streamed, never held in memory.
"""

from __future__ import annotations

import math
import struct
import wave
from collections.abc import Generator
from functools import cache

import lameenc

CONTENT_TYPES = {"mp3": "audio/mpeg", "wav": "audio/wav"}

TONE_HZ = 440
TONE_AMPLITUDE = 0.1  # of full scale: quiet
WAV_RATE = 8000
MP3_RATE = 32000  # an MPEG-1 sample rate (8 kHz would give MPEG-2.5)
MP3_KBPS = 32
SAMPLE_BYTES = 2  # 16-bit PCM


@cache
def _one_second(rate: int) -> bytes:
    """One second of the tone as 16-bit little-endian PCM (a whole number of cycles)."""
    peak = int(32767 * TONE_AMPLITUDE)
    samples = (round(peak * math.sin(2 * math.pi * TONE_HZ * i / rate)) for i in range(rate))
    return b"".join(struct.pack("<h", sample) for sample in samples)


class _Sink:
    """A write-only file that hands over what was written since the last ``take``.

    ``wave`` seeks only to patch the header of a file closed unfinished (a
    client that stopped downloading): from then on nothing more is sent.
    """

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0
        self.discarding = False

    def write(self, data: bytes) -> int:
        if not self.discarding:
            self.parts.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        self.discarding = True
        return offset

    def flush(self) -> None:
        """Nothing is buffered."""

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def _wav(seconds: int) -> Generator[bytes, None, None]:
    sink = _Sink()
    chunk = _one_second(WAV_RATE)
    # The frame count is known up front, so the header is right from the start
    # and ``wave`` never needs to seek back to patch it.
    with wave.open(sink, "wb") as writer:  # type: ignore[call-overload]
        writer.setnchannels(1)
        writer.setsampwidth(SAMPLE_BYTES)
        writer.setframerate(WAV_RATE)
        writer.setnframes(seconds * WAV_RATE)
        for _ in range(seconds):
            writer.writeframesraw(chunk)
            yield sink.take()
    yield sink.take()


def _mp3(seconds: int) -> Generator[bytes, None, None]:
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(MP3_RATE)
    encoder.set_out_sample_rate(MP3_RATE)
    encoder.set_channels(1)
    encoder.set_bit_rate(MP3_KBPS)
    encoder.set_quality(7)  # fast; a tone needs no more
    chunk = _one_second(MP3_RATE)
    for _ in range(seconds):
        yield bytes(encoder.encode(chunk))
    yield bytes(encoder.flush())


def audio(file_format: str, seconds: int) -> Generator[bytes, None, None]:
    """The file of a ``seconds``-long recording in ``file_format`` (mp3 or wav), in chunks.

    A recording is at least one second long, so even an empty one plays.
    """
    seconds = max(1, seconds)
    if file_format == "wav":
        return _wav(seconds)
    if file_format == "mp3":
        return _mp3(seconds)
    raise ValueError(f"no audio format {file_format!r}; use one of {sorted(CONTENT_TYPES)}")
