from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"
# Real agency items (../shared/fixtures/wires/), when this checkout has them.
SHARED = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "wires"


@pytest.fixture
def sample():
    return lambda name: (SAMPLES / name).read_bytes()


@pytest.fixture
def shared_wire():
    def read(name):
        path = SHARED / name
        if not path.exists():
            pytest.skip("the shared wire samples are not on this machine")
        return path.read_bytes()

    return read
