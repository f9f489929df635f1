from demo.spec import DemoArticle

ARTICLES = (
    DemoArticle(
        slug="les-marees-basses-un-premier-roman-qui-tient-en-haleine",
        title="« Les Marées basses », un premier roman qui tient en haleine",
        standfirst="Avec l’histoire d’une famille d’ostréiculteurs confrontée à la disparition d’un frère, Nora Delcourt signe un début remarqué. Une écriture sèche et précise, au plus près des gestes du travail.",
        section="culture",
        authors=("lea-fontaine",),
        tags=("Livres", "Littérature", "Premier roman", "Littoral", "Critique"),
        status="published",
        publish_offset_hours=-27,
        caption="Le roman se déroule dans un village ostréicole de la côte atlantique.",
        related=(
            "les-cinemas-de-quartier-regagnent-leur-public",
            "le-musee-de-la-mine-de-carvin-les-bois-rouvre-ses-galeries-apres-trois-ans-de-travaux",
        ),
        body="""
<p>Tout commence par une barge retrouvée vide, à marée basse, au milieu des parcs à huîtres. Son propriétaire, Yann, trente-deux ans, n’est jamais rentré. À partir de ce point de départ de roman noir, Nora Delcourt construit tout autre chose : le portrait d’une famille qui tient debout par le travail, et qui découvre qu’elle ne savait presque rien de l’un des siens.</p>
<h2>Le travail comme langue</h2>
<p>La grande réussite du livre tient à sa manière de décrire les gestes : le retournement des poches, le tri, le calibrage, le froid dans les mains. Nora Delcourt, qui a grandi dans un village ostréicole avant de devenir enseignante, écrit ces scènes avec une précision qui ne verse jamais dans le folklore.</p>
<blockquote><p>Chez nous, on ne parlait pas de ce qu’on ressentait. On parlait des coefficients de marée, du prix du naissain, de la pluie qui adoucit trop l’eau. Le reste, il fallait le deviner aux silences.</p></blockquote>
<p>Ce passage, prononcé par Maëlle, la sœur cadette qui mène l’enquête, donne la clé du roman. Chaque personnage se révèle dans ce qu’il tait, et l’autrice a l’intelligence de ne pas tout expliquer.</p>
<h2>Quelques longueurs</h2>
<p>On pourra regretter une partie centrale un peu étirée, où les fausses pistes se multiplient sans toujours convaincre. Mais les cinquante dernières pages, d’une grande intensité, emportent tout. « Les Marées basses » figure déjà sur plusieurs listes de prix du premier roman, et on comprend pourquoi.</p>
<p>« Les Marées basses », de Nora Delcourt, éditions du Sillon, 288 pages, 21 euros.</p>
""",
    ),
    DemoArticle(
        slug="le-musee-de-la-mine-de-carvin-les-bois-rouvre-ses-galeries-apres-trois-ans-de-travaux",
        title="Le musée de la Mine de Carvin-les-Bois rouvre ses galeries après trois ans de travaux",
        standfirst="Le musée installé sur l’ancien carreau de fosse a été entièrement repensé. Les anciens mineurs y racontent eux-mêmes leur métier, grâce à des témoignages enregistrés avant qu’il ne soit trop tard.",
        section="culture",
        authors=("lea-fontaine",),
        tags=(
            "Musées",
            "Patrimoine",
            "Histoire",
            "Industrie",
            "Collectivités locales",
        ),
        status="published",
        publish_offset_hours=-150,
        caption="Le chevalement de l’ancienne fosse domine toujours le site.",
        related=(
            "dans-le-jura-un-fabricant-de-boitiers-de-montres-rapatrie-sa-production",
            "les-cinemas-de-quartier-regagnent-leur-public",
        ),
        body="""
<p>Le chevalement se voit de loin, au-dessus des toits de brique. Sous cette structure métallique qui servait à descendre les hommes au fond, le musée de la Mine de Carvin-les-Bois a rouvert ses portes après trois ans de fermeture et un chantier de rénovation de douze millions d’euros, financé par la région, l’intercommunalité et l’État.</p>
<h2>La parole aux anciens</h2>
<p>Le parcours a été entièrement repensé autour des voix de ceux qui ont travaillé là. Pendant deux ans, l’équipe du musée a enregistré plus de cent heures d’entretiens avec d’anciens mineurs, leurs épouses et leurs enfants. Ces témoignages accompagnent désormais la visite, salle après salle.</p>
<p>« La plupart des hommes que nous avons interrogés ont plus de quatre-vingts ans. Dans dix ans, il n’y aurait plus eu personne pour raconter », souligne Delphine Caron, directrice du musée.</p>
<h2>Une galerie reconstituée</h2>
<p>Le clou de la visite reste la galerie reconstituée, où l’on progresse casque sur la tête dans la pénombre et le bruit des machines. Les enfants peuvent y manipuler des outils, et des médiateurs, parfois fils ou petits-fils de mineurs, répondent aux questions.</p>
<p>Le musée veut aussi parler du présent : une dernière salle évoque la reconversion du bassin minier, les terrils devenus espaces naturels et les enjeux de santé qui continuent de toucher les anciens travailleurs.</p>
""",
    ),
    DemoArticle(
        slug="les-cinemas-de-quartier-regagnent-leur-public",
        title="Les cinémas de quartier regagnent leur public",
        standfirst="Petites salles associatives ou municipales, elles misent sur la programmation, les rencontres et des prix bas. Et elles voient revenir des spectateurs que les multiplexes avaient attirés.",
        section="culture",
        authors=("lea-fontaine",),
        tags=("Cinéma", "Collectivités locales", "Jeunesse"),
        status="published",
        publish_offset_hours=-105,
        caption="Une salle de cinéma de quartier avant une séance-débat.",
        related=(
            "les-marees-basses-un-premier-roman-qui-tient-en-haleine",
            "le-musee-de-la-mine-de-carvin-les-bois-rouvre-ses-galeries-apres-trois-ans-de-travaux",
        ),
        body="""
<p>Le Cinéma des Halles ne compte que deux salles et cent soixante fauteuils, mais ce soir-là, la séance est complète. Au programme, un documentaire suivi d’une discussion avec la réalisatrice. Le public est mêlé : des retraités fidèles, des étudiants, quelques familles venues en voisins.</p>
<h2>Une recette qui fonctionne</h2>
<p>Les exploitants de ces salles de proximité décrivent tous les mêmes ingrédients :</p>
<ul>
<li>une programmation choisie, qui mélange films grand public et œuvres d’auteur ;</li>
<li>des soirées avec des invités, des débats, des avant-premières ;</li>
<li>des tarifs modérés, en particulier pour les jeunes et les demandeurs d’emploi ;</li>
<li>un lien fort avec les écoles et les associations du quartier.</li>
</ul>
<p>« Les gens ne viennent pas seulement voir un film, ils viennent passer une soirée et en parler après », résume Bastien Morel, programmateur du Cinéma des Halles, dont la fréquentation a progressé d’un tiers en deux ans.</p>
<h2>Des équilibres fragiles</h2>
<p>Ces salles restent pourtant fragiles. Leur modèle repose souvent sur des subventions municipales et sur l’engagement de bénévoles. La hausse des coûts de l’énergie a pesé lourd sur leurs comptes, et le passage au numérique, il y a quelques années, a laissé des traces dans les budgets.</p>
<p>Les collectivités qui les soutiennent y voient un investissement : un cinéma ouvert le soir, c’est une rue éclairée, des commerces qui profitent des spectateurs et un lieu où les habitants se croisent.</p>
""",
    ),
    DemoArticle(
        slug="la-ville-sous-la-pluie-une-creation-qui-fait-entrer-le-public-dans-un-immeuble-en-sursis",
        title="« La Ville sous la pluie », une création qui fait entrer le public dans un immeuble en sursis",
        standfirst="La compagnie Les Vents contraires installe les spectateurs au cœur d’une barre d’immeubles promise à la démolition. Un théâtre documentaire touchant, nourri des récits de ses habitants.",
        section="culture",
        authors=("lea-fontaine",),
        tags=("Théâtre", "Spectacle vivant", "Logement", "Critique"),
        status="review",
        publish_offset_hours=None,
        caption="Le décor reconstitue la cage d’escalier d’un immeuble des années 1960.",
        body="""
<p>Sur scène, une cage d’escalier, quatre portes palières et une boîte aux lettres défoncée. C’est dans ce décor que la compagnie Les Vents contraires fait défiler, pendant une heure et demie, les habitants d’une barre d’immeubles qui va être démolie dans le cadre d’une opération de rénovation urbaine.</p>
<h2>Des récits recueillis pendant un an</h2>
<p>Pour écrire le spectacle, la metteuse en scène Agathe Rivière a passé une année entière dans le quartier. Elle a recueilli les souvenirs de ceux qui y ont vécu des décennies, les inquiétudes de ceux qui doivent être relogés, la colère de ceux qui n’ont pas été consultés.</p>
<p>Les comédiens reprennent ces paroles presque mot pour mot, sans caricature. Certaines scènes sont drôles, beaucoup sont poignantes, comme celle où une vieille dame refuse de vider l’appartement où elle a élevé ses cinq enfants.</p>
<h2>Une forme qui trouve ses limites</h2>
<p>Le dispositif documentaire atteint parfois ses limites : la succession de témoignages finit par manquer de tension dramatique dans la dernière partie. Mais la sincérité de l’ensemble emporte l’adhésion, et le débat qui suit chaque représentation prolonge utilement le spectacle.</p>
""",
    ),
)
