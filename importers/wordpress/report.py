"""What an import did, item by item, and its French summary."""

from collections import Counter
from dataclasses import dataclass, field

from articles.models import Article

NBSP = "\u00a0"


@dataclass
class Entry:
    post_id: int | None
    title: str
    message: str

    def __str__(self):
        name = f"« {self.title} »" if self.title else "(sans titre)"
        ref = f"n°{NBSP}{self.post_id} " if self.post_id is not None else ""
        return f"{ref}{name}{NBSP}: {self.message}"


@dataclass
class ImportReport:
    site: str = ""
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    statuses: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    skipped_items: list[Entry] = field(default_factory=list)
    errors: list[Entry] = field(default_factory=list)
    warnings: list[Entry] = field(default_factory=list)
    # Posts with no text, imported as drafts; chapôs taken from the text.
    empty_bodies: list[Entry] = field(default_factory=list)
    derived_standfirsts: int = 0
    top_sections: list[str] = field(default_factory=list)  # --sections top
    # Library images made from attachments (one count per attachment), then
    # how the posts' featured images and body images fared.
    images: Counter = field(default_factory=Counter)
    featured: Counter = field(default_factory=Counter)
    body_images: Counter = field(default_factory=Counter)
    content: Counter = field(default_factory=Counter)
    new_sections: int = 0
    new_authors: int = 0
    new_redirects: int = 0
    removed_bytes: int = 0
    interrupted: str = ""
    phase: str = ""  # what is being read, when not the posts (progress)

    @property
    def imported(self):
        return self.created + self.updated + self.unchanged

    def skip(self, item, reason: str, *, title=""):
        self.skipped[reason] += 1
        self.skipped_items.append(Entry(item.post_id, title, reason))

    def error(self, item, message: str, *, title=""):
        self.errors.append(Entry(item.post_id, title, message))

    def warn(self, item, message: str, *, title=""):
        self.warnings.append(Entry(item.post_id, title, message))

    def empty(self, item, *, title=""):
        self.empty_bodies.append(Entry(item.post_id, title, "sans texte"))

    def lines(self, *, verbose=False) -> list[str]:
        """The summary, in French, one line per list entry."""
        labels = dict(Article.Status.choices)
        out = [
            "Simulation (--dry-run) : rien n’a été enregistré."
            if self.dry_run
            else "Import WordPress terminé.",
        ]
        if self.site:
            out.append(f"Site{NBSP}: {self.site}")
        out += [
            f"Articles créés{NBSP}: {self.created}",
            f"Articles mis à jour{NBSP}: {self.updated}",
            f"Articles inchangés{NBSP}: {self.unchanged}",
        ]
        if self.statuses:
            by_status = ", ".join(
                f"{labels.get(status, status).lower()} {count}"
                for status, count in sorted(self.statuses.items())
            )
            out.append(f"  par statut{NBSP}: {by_status}")
        out.append(f"Éléments ignorés{NBSP}: {sum(self.skipped.values())}")
        out += [
            f"  - {reason}{NBSP}: {count}"
            for reason, count in self.skipped.most_common()
        ]
        if verbose:
            out += [f"    - {entry}" for entry in self.skipped_items]
        out.append(f"Erreurs (éléments non importés){NBSP}: {len(self.errors)}")
        out += [f"  - {entry}" for entry in self.errors]
        if self.empty_bodies:
            out.append(
                "Articles sans texte, importés en brouillon (jamais publiés)"
                f"{NBSP}: {len(self.empty_bodies)}"
            )
            out += [f"  - {entry}" for entry in self.empty_bodies]
        if self.derived_standfirsts:
            out.append(
                "Chapôs tirés du premier paragraphe (pas d’extrait WordPress)"
                f"{NBSP}: {self.derived_standfirsts}"
            )
        if self.warnings:
            out.append(f"Avertissements{NBSP}: {len(self.warnings)}")
            out += [f"  - {entry}" for entry in self.warnings]
        out.append(
            f"Rubriques créées{NBSP}: {self.new_sections} ; auteurs créés{NBSP}: "
            f"{self.new_authors} ; redirections créées{NBSP}: {self.new_redirects}"
        )
        if self.top_sections:
            out.append(
                f"Catégories devenues rubriques (les plus utilisées){NBSP}: "
                + ", ".join(self.top_sections)
            )
        for heading, counts in (
            ("Photothèque (pièces jointes)", self.images),
            ("Images principales", self.featured),
            ("Images dans le texte", self.body_images),
        ):
            if counts:
                out.append(f"{heading}{NBSP}:")
                out += [
                    f"  - {reason}{NBSP}: {count}"
                    for reason, count in counts.most_common()
                ]
        if self.content:
            out.append(f"Contenus transformés{NBSP}:")
            out += [
                f"  - {reason}{NBSP}: {count}"
                for reason, count in self.content.most_common()
            ]
        if self.removed_bytes:
            out.append(
                f"Caractères de contrôle interdits en XML retirés{NBSP}: "
                f"{self.removed_bytes}"
            )
        if self.interrupted:
            out.append(
                f"Import interrompu{NBSP}: {self.interrupted}. Les éléments "
                "précédents ont été importés ; les suivants ne l’ont pas été."
            )
        return out
