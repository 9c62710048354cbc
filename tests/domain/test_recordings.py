"""The audio files of simulated recordings: real MP3 and WAV of the recording's length."""

from __future__ import annotations

import io
import wave
from typing import Any

import pytest
from mutagen.mp3 import MP3

from plivo_sandbox.masking.audio import audio


def mp3_info(data: bytes) -> Any:
    return MP3(io.BytesIO(data)).info  # type: ignore[no-untyped-call]


def test_an_mp3_recording_is_an_mpeg1_layer3_stream_of_its_length() -> None:
    data = b"".join(audio("mp3", 30))
    # A frame header: 11 sync bits, MPEG-1 (11), Layer III (01).
    assert data[0] == 0xFF and data[1] & 0xFE == 0xFA
    info = mp3_info(data)
    assert (info.version, info.layer, info.channels, info.sample_rate) == (1, 3, 1, 32000)
    assert info.length == pytest.approx(30, abs=0.1)


def test_a_wav_recording_is_16_bit_mono_pcm_of_its_length() -> None:
    with wave.open(io.BytesIO(b"".join(audio("wav", 9)))) as played:
        assert (played.getnchannels(), played.getsampwidth(), played.getframerate()) == (1, 2, 8000)
        assert played.getnframes() == 9 * 8000
        assert any(played.readframes(800))  # a tone, not silence


def test_an_empty_recording_still_plays_for_a_second() -> None:
    with wave.open(io.BytesIO(b"".join(audio("wav", 0)))) as played:
        assert played.getnframes() == 8000
    assert mp3_info(b"".join(audio("mp3", 0))).length == pytest.approx(1, abs=0.1)


def test_a_long_recording_is_produced_a_second_at_a_time() -> None:
    chunks = audio("wav", 3600)
    second = 8000 * 2  # bytes of one second of 16-bit PCM at 8 kHz
    assert len(next(chunks)) == 44 + second  # the RIFF header with the first second
    assert len(next(chunks)) == second


def test_only_mp3_and_wav_exist() -> None:
    with pytest.raises(ValueError, match="ogg"):
        audio("ogg", 1)


def test_a_download_stopped_halfway_ends_quietly() -> None:
    chunks = audio("wav", 60)
    next(chunks)
    next(chunks)
    chunks.close()  # what the server does when the client goes away
