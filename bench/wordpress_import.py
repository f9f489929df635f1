"""Benchmark of the WordPress importer on a generated export.

    uv run python bench/wordpress_import.py --posts 20000          # full import
    uv run python bench/wordpress_import.py --size-mb 1024 --reader-only

Generates a WXR file of the given size (or number of posts), then imports it
through ``manage.py import_wordpress`` into a throw-away SQLite database (or
only streams it through the reader), and prints the time and the peak memory
(maximum resident set size) of the run.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "Le conseil municipal a voté le budget après un long débat, "
    "l’opposition dénonçant « une hausse déguisée » des impôts locaux. "
)


def generate(path: Path, *, posts: int | None, size: int | None):
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Banc d’essai</title><link>https://bench.example.fr</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:base_blog_url>https://bench.example.fr</wp:base_blog_url>\n"
        )
        for n in range(10):
            out.write(
                f"<wp:category><wp:term_id>{n}</wp:term_id><wp:category_nicename>"
                f"rubrique-{n}</wp:category_nicename><wp:category_parent></wp:category_parent>"
                f"<wp:cat_name><![CDATA[Rubrique {n}]]></wp:cat_name></wp:category>\n"
            )
        body = "\n\n".join([PARAGRAPH * 3] * 8)
        n = 0
        while (posts is not None and n < posts) or (
            size is not None and out.tell() < size
        ):
            n += 1
            out.write(
                f"<item><title><![CDATA[Article {n} : le budget]]></title>"
                f"<link>https://bench.example.fr/2024/01/01/article-{n}/</link>"
                f"<dc:creator><![CDATA[auteur{n % 20}]]></dc:creator>"
                f'<guid isPermaLink="false">https://bench.example.fr/?p={n}</guid>'
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[Chapô {n}.]]></excerpt:encoded>"
                f"<wp:post_id>{n}</wp:post_id>"
                "<wp:post_date>2024-01-01 10:00:00</wp:post_date>"
                "<wp:post_date_gmt>2024-01-01 09:00:00</wp:post_date_gmt>"
                f"<wp:post_name>article-{n}</wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="rubrique-{n % 10}">'
                f"<![CDATA[Rubrique {n % 10}]]></category>"
                f'<category domain="post_tag" nicename="mot-{n % 50}">'
                f"<![CDATA[Mot {n % 50}]]></category></item>\n"
            )
        out.write("</channel>\n</rss>\n")
    return n


READER = """
import sys
import django
django.setup()
from importers.wordpress.reader import CleanStream, read_wxr
with open(sys.argv[1], "rb") as raw:
    print(sum(1 for _ in read_wxr(CleanStream(raw))) - 1, "items read")
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int)
    parser.add_argument("--size-mb", type=int)
    parser.add_argument("--reader-only", action="store_true")
    args = parser.parse_args()
    if not args.posts and not args.size_mb:
        args.posts = 5000
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export.xml"
        count = generate(
            export,
            posts=args.posts,
            size=args.size_mb * 1024 * 1024 if args.size_mb else None,
        )
        size_mb = export.stat().st_size / 1024 / 1024
        print(f"export: {count} posts, {size_mb:.0f} MB")
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "newsday.settings",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
        }
        if args.reader_only:
            command = [sys.executable, "-c", READER, str(export)]
        else:
            manage = [sys.executable, str(ROOT / "manage.py")]
            subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
                [*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT
            )
            command = [*manage, "import_wordpress", str(export), "-v0"]
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, cwd=ROOT)  # noqa: S603
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"{'reader' if args.reader_only else 'import'}: {elapsed:.1f} s, "
            f"{count / elapsed:.0f} posts/s, {size_mb / elapsed:.1f} MB/s, "
            f"peak memory {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
