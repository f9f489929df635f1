"""The demo newsroom: its sections, its journalists and what they wrote.

Everything here is invented: people, companies, clubs and figures are
fictional, real institutions are only mentioned, never quoted. Write plain
spaces around « », : ; ? ! and % and inside numbers: the loader turns them
into no-break spaces (see ``loader.typeset``).
"""

from demo.content import (
    culture,
    direct,
    economie,
    international,
    politique,
    societe,
    sport,
)
from demo.spec import DemoAuthor, DemoSection

SECTIONS = (
    DemoSection(
        slug="international",
        name="International",
        description="L’actualité du monde, de nos correspondants et envoyés spéciaux : Europe, Afrique, Amériques, Asie.",
        position=1,
        palette=("#0b2545", "#13315c", "#8da9c4", "#d4a373", "#eef4ed"),
        palette_alt="bleu nuit, bleu acier et sable",
    ),
    DemoSection(
        slug="politique",
        name="Politique",
        description="Le Parlement, le gouvernement, les partis et la vie démocratique locale.",
        position=2,
        palette=("#1d3557", "#457b9d", "#a8dadc", "#e63946", "#f1faee"),
        palette_alt="bleu marine, bleu ciel et rouge",
    ),
    DemoSection(
        slug="economie",
        name="Économie",
        description="Entreprises, emploi, consommation et pouvoir d’achat : l’économie qui touche le quotidien.",
        position=3,
        palette=("#081c15", "#1b4332", "#52b788", "#e9c46a", "#d8f3dc"),
        palette_alt="vert sapin, vert tendre et or",
    ),
    DemoSection(
        slug="societe",
        name="Société",
        description="Santé, éducation, logement, mobilités : les transformations de la vie quotidienne.",
        position=4,
        palette=("#3d405b", "#5b5f7d", "#e07a5f", "#81b29a", "#f2cc8f"),
        palette_alt="ardoise, terre cuite et vert sauge",
    ),
    DemoSection(
        slug="culture",
        name="Culture",
        description="Livres, cinéma, scènes, musées et patrimoine : critiques, rencontres et enquêtes.",
        position=5,
        palette=("#2b193d", "#4a2c5a", "#b56576", "#e56b6f", "#eaac8b"),
        palette_alt="prune, vieux rose et corail",
    ),
    DemoSection(
        slug="sport",
        name="Sport",
        description="Résultats, analyses et reportages, des stades professionnels aux clubs amateurs.",
        position=6,
        palette=("#03071e", "#370617", "#dc2f02", "#f48c06", "#ffba08"),
        palette_alt="nuit, rouge brique et orange vif",
    ),
)

AUTHORS = (
    DemoAuthor(
        slug="camille-roussel",
        name="Camille Roussel",
        role="Correspondante à Bruxelles",
        bio="Camille Roussel suit les institutions européennes depuis Bruxelles. Elle a auparavant couvert l’agriculture et l’environnement au service Économie.",
    ),
    DemoAuthor(
        slug="sophie-arnaud",
        name="Sophie Arnaud",
        role="Grande reporter au service International",
        bio="Sophie Arnaud a travaillé en Afrique de l’Ouest et en Amérique latine. Elle s’intéresse aux effets concrets des crises climatiques et politiques.",
    ),
    DemoAuthor(
        slug="ines-benali",
        name="Inès Benali",
        role="Journaliste au service Politique",
        bio="Inès Benali couvre le Parlement et les collectivités locales. Elle est passée par la presse quotidienne régionale.",
    ),
    DemoAuthor(
        slug="hugo-marchetti",
        name="Hugo Marchetti",
        role="Chef du service Économie",
        bio="Hugo Marchetti dirige le service Économie. Il écrit sur l’industrie, l’emploi et la consommation, chiffres à l’appui.",
    ),
    DemoAuthor(
        slug="thomas-le-goff",
        name="Thomas Le Goff",
        role="Journaliste au service Société",
        bio="Thomas Le Goff enquête sur la santé, l’école et les services publics, au plus près de ceux qui les font vivre.",
    ),
    DemoAuthor(
        slug="lea-fontaine",
        name="Léa Fontaine",
        role="Journaliste au service Culture",
        bio="Léa Fontaine écrit sur les livres, le théâtre et le patrimoine. Elle tient la chronique des premiers romans.",
    ),
    DemoAuthor(
        slug="mathieu-ndiaye",
        name="Mathieu Ndiaye",
        role="Chef de la rubrique Sport",
        bio="Mathieu Ndiaye a couvert le rugby professionnel avant de prendre la tête de la rubrique. Il garde un faible pour le sport amateur.",
    ),
)

ARTICLES = (
    *international.ARTICLES,
    *politique.ARTICLES,
    *economie.ARTICLES,
    *societe.ARTICLES,
    *culture.ARTICLES,
    *sport.ARTICLES,
)

# The running live coverage page (live/), with its entries.
LIVE = direct.LIVE
