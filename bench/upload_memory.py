"""Peak memory of one photo upload, per image, through the real code paths.

    uv run python bench/upload_memory.py [--only NAME ...]

Makes hostile-but-valid images (a panorama JPEG and a square PNG just under
the 50-megapixel limit, flat enough to weigh little) beside a typical camera
JPEG and the other accepted formats. For each, three stages run one after the
other, each in a fresh Python process so that one's peak cannot hide
another's:

- ``upload``: the admin upload view (form checks, cleaned original, admin
  thumbnail), as the bulk upload page posts it;
- ``renditions``: the task that makes every rendition (queued after upload
  when ``IMAGES_RENDITIONS_AT_UPLOAD`` is on);
- ``first request``: the rendition view asked for the largest width and for
  the Open Graph crop, as a reader's first visit does when nothing was made.

Each process reports its peak resident memory (``VmHWM``) minus the peak it
had reached once Django was set up and the admin loaded, idle: what the stage
itself costs a worker. Uses throw-away SQLite databases and media folders.
"""

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("upload", "renditions", "first request")


def images():
    """name -> (file name, size, maker): makers return the file's bytes."""
    from PIL import ExifTags, ImageDraw
    from PIL import Image as PILImage

    def flat(size, mode="RGB"):
        # Gradients and a few shapes: compresses to almost nothing, decodes
        # to the full pixel count, which is what a hostile upload does.
        img = PILImage.linear_gradient("L").resize(size).convert(mode)
        draw = ImageDraw.Draw(img)
        for i in range(8):
            x, y = (i * 997) % size[0], (i * 613) % size[1]
            fill = (i * 30, 90, 200 - i * 20) if mode != "L" else i * 30
            draw.ellipse((x, y, x + size[0] // 6, y + size[1] // 6), fill=fill)
        return img

    def camera(size):
        img = flat(size)
        grain = PILImage.effect_noise(size, 24).convert("RGB")
        return PILImage.blend(img, grain, 0.2)

    def encode(img, fmt, **options):
        buffer = io.BytesIO()
        img.save(buffer, fmt, **options)
        return buffer.getvalue()

    def rotated(size):
        exif = PILImage.Exif()
        exif[ExifTags.Base.Orientation] = 6
        return encode(camera(size), "JPEG", quality=90, exif=exif.tobytes())

    return {
        "jpeg-panorama": (
            "panorama.jpg",
            (11_900, 4_200),
            lambda s: encode(flat(s), "JPEG", quality=85),
        ),
        "png-square": ("carre.png", (7_000, 7_000), lambda s: encode(flat(s), "PNG")),
        "png-rgba": (
            "carre-alpha.png",
            (7_000, 7_000),
            lambda s: encode(flat(s, "RGBA"), "PNG"),
        ),
        "jpeg-camera": (
            "appareil.jpg",
            (4_000, 3_000),
            lambda s: encode(camera(s), "JPEG", quality=90),
        ),
        "jpeg-camera-rotated": ("portrait.jpg", (6_000, 4_000), rotated),
        "jpeg-rotated-at-its-limit": ("portrait.jpg", (6_500, 4_300), rotated),
        "webp-square": (
            "carre.webp",
            (7_000, 7_000),
            lambda s: encode(flat(s), "WEBP", quality=80),
        ),
        "webp-at-its-limit": (
            "photo.webp",
            (4_000, 2_900),
            lambda s: encode(camera(s), "WEBP", quality=80),
        ),
        "gif-square": (
            "carre.gif",
            (7_000, 7_000),
            lambda s: encode(flat(s).convert("P"), "GIF"),
        ),
        "avif-camera": (
            "appareil.avif",
            (4_000, 3_000),
            lambda s: encode(camera(s), "AVIF", quality=60, speed=8),
        ),
        "avif-at-its-limit": (
            "photo.avif",
            (3_200, 2_400),
            lambda s: encode(camera(s), "AVIF", quality=60, speed=8),
        ),
    }


# ---------------------------------------------------------------- child


def peak_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(stage, work, path):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsday.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-not-secret",  # noqa: S106
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{work / 'bench.sqlite3'}",
        MEDIA_ROOT=str(work / "media"),
        IMAGES_RENDITIONS_AT_UPLOAD="false",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from images.models import Image
    from images.renditions import OG_SPEC, SPECS, WIDTHS
    from images.tasks import generate_image_renditions
    from tests.factories import upload_file

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench"))
    # Idle worker: Django set up, the admin and its upload form loaded.
    assert client.get("/admin/images/image/choisir/televerser/").status_code == 200
    baseline = peak_kib()
    result = {}
    if stage == "upload":
        content = Path(path).read_bytes()
        response = client.post(
            "/admin/images/image/choisir/televerser/",
            {"file": upload_file(Path(path).name, content), "alt": "Photo"}
            | {"licence": "staff"},
        )
        result["status"] = response.status_code
        if response.status_code != 201:
            result["errors"] = response.json()["errors"]
    elif stage == "renditions":
        image = Image.objects.get()
        result["made"] = generate_image_renditions.call(image.pk)
    else:
        image = Image.objects.get()
        largest = SPECS[f"w{max(w for w in WIDTHS if w <= image.width)}.jpg"]
        for spec in (largest, OG_SPEC):
            url = reverse(
                "images:rendition", kwargs={"pk": image.pk, "spec": spec.name}
            )
            assert client.get(url).status_code == 302
    result["peak_mb"] = (peak_kib() - baseline) / 1024
    result["baseline_mb"] = baseline / 1024
    print(json.dumps(result))


# ---------------------------------------------------------------- parent


def run_child(stage, work, path):
    out = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, __file__, "--child", stage, str(work), str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def make_template_database(folder):
    """A migrated database with one superuser, copied for each image."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "newsday.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
    }
    script = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.contrib.auth import get_user_model\n"
        "call_command('migrate', verbosity=0)\n"
        "get_user_model().objects.create_superuser('bench', 'b@example.fr', 'x')\n"
    )
    subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script], check=True, env=env, cwd=ROOT
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help="image names to run")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage, work, path = args.child
        return child(stage, Path(work), path)

    sys.path.insert(0, str(ROOT))
    top = Path(tempfile.mkdtemp(prefix="newsday-bench-memory-"))
    try:
        make_template_database(top)
        print("| Image | Fichier | " + " | ".join(STAGES) + " | Pic |")
        print("|---|---|" + "---:|" * (len(STAGES) + 1))
        for name, (filename, size, maker) in images().items():
            if args.only and name not in args.only:
                continue
            work = top / name
            work.mkdir()
            path = work / filename
            path.write_bytes(maker(size))
            shutil.copy(top / "bench.sqlite3", work / "bench.sqlite3")
            snapshot = work / "after-upload.sqlite3"
            peaks = []
            upload = run_child("upload", work, path)
            if upload["status"] != 201:
                cells = [f"refusé ({upload['peak_mb']:.0f})"] + ["–"] * 2
                print(f"<!-- {name}: {upload['errors']} -->", file=sys.stderr)
            else:
                peaks.append(upload["peak_mb"])
                shutil.copy(work / "bench.sqlite3", snapshot)
                for stage in STAGES[1:]:
                    shutil.copy(snapshot, work / "bench.sqlite3")
                    peaks.append(run_child(stage, work, path)["peak_mb"])
                cells = [f"{p:.0f}" for p in peaks]
            peak = f"**{max(peaks):.0f}**" if peaks else "–"
            weight = f"{path.stat().st_size / 1e6:.2f} Mo"
            print(
                f"| {name} {size[0]}\u00d7{size[1]} | {weight} | "
                + " | ".join(cells)
                + f" | {peak} |",
                flush=True,
            )
        print("\nMo au-dessus d’un processus Django au repos (VmHWM).")
    finally:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
