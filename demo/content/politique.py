from demo.spec import DemoArticle, ExternalLink

ARTICLES = (
    DemoArticle(
        slug="meubles-touristiques-lassemblee-adopte-lencadrement-en-premiere-lecture",
        title="Meublés touristiques : l’Assemblée adopte l’encadrement en première lecture",
        standfirst="Les députés ont voté un texte qui permet aux maires de limiter la location de courte durée dans les quartiers où les logements manquent. Les plateformes dénoncent une « usine à gaz », les élus des villes touristiques applaudissent.",
        section="politique",
        authors=("ines-benali", "hugo-marchetti"),
        tags=(
            "Logement",
            "Assemblée nationale",
            "Tourisme",
            "Collectivités locales",
            "Littoral",
        ),
        status="published",
        publish_offset_hours=-44,
        is_featured=True,
        caption="Dans certains centres-villes, un logement sur cinq est loué aux touristes.",
        related=(
            "budgets-participatifs-les-villes-moyennes-se-lancent-a-leur-tour",
            ExternalLink(
                url="https://www.assemblee-nationale.fr/",
                title="Le site de l’Assemblée nationale",
            ),
        ),
        body="""
<p>Le texte a été adopté à une large majorité, au terme de deux jours de débats animés. Il donne aux communes de nouveaux outils pour freiner la transformation de logements en meublés de tourisme, accusée d’aggraver la pénurie dans les grandes villes comme sur le littoral.</p>
<h2>Ce que prévoit le texte</h2>
<ul>
<li>un plafond de jours de location par an pour une résidence principale, que chaque maire pourra abaisser ;</li>
<li>l’obligation d’enregistrer tout meublé de tourisme auprès de la mairie, avec un numéro affiché sur les annonces ;</li>
<li>la fin d’un avantage fiscal qui rendait la location touristique plus rentable que la location classique ;</li>
<li>des amendes alourdies pour les propriétaires qui ne respectent pas les règles.</li>
</ul>
<p>« Nous ne sommes pas contre le tourisme, nous sommes pour que les gens qui travaillent dans nos villes puissent y habiter », a plaidé Julien Mercadier, rapporteur du texte, dans l’hémicycle.</p>
<h2>Les plateformes inquiètes</h2>
<p>Les représentants des plateformes de location jugent le dispositif trop complexe et redoutent une mosaïque de règles différentes d’une commune à l’autre. Ils rappellent que de nombreux propriétaires louent quelques semaines par an pour compléter leurs revenus.</p>
<p>Du côté des maires, l’accueil est favorable, en particulier dans les stations balnéaires et de montagne. « Nos saisonniers dorment dans leur voiture, et nos écoles ferment faute de familles à l’année », témoigne Hélène Castagné, maire d’une commune du littoral atlantique.</p>
<p>Le texte doit maintenant être examiné par le Sénat, où plusieurs groupes ont déjà annoncé des amendements pour alléger les obligations des petits propriétaires.</p>
""",
    ),
    DemoArticle(
        slug="budgets-participatifs-les-villes-moyennes-se-lancent-a-leur-tour",
        title="Budgets participatifs : les villes moyennes se lancent à leur tour",
        standfirst="Longtemps réservée aux grandes métropoles, la pratique qui consiste à laisser les habitants choisir une partie des investissements gagne les communes de 10 000 à 50 000 habitants. Avec des succès, et quelques désillusions.",
        section="politique",
        authors=("ines-benali",),
        tags=("Collectivités locales", "Démocratie", "Finances publiques"),
        status="published",
        publish_offset_hours=-230,
        caption="Les projets retenus vont souvent des jardins partagés aux aires de jeux.",
        related=(
            "meubles-touristiques-lassemblee-adopte-lencadrement-en-premiere-lecture",
            "ecoles-rurales-les-maires-demandent-au-senat-un-fonds-contre-les-fermetures-de-classes",
        ),
        body="""
<p>À Lescourt-sur-Vère, 24 000 habitants, la mairie a consacré cette année 5 % de son budget d’investissement à des projets proposés et choisis par les habitants. Résultat : un jardin partagé, un abri pour les vélos devant la gare et l’éclairage d’un chemin piéton emprunté par les lycéens.</p>
<h2>Une participation encore modeste</h2>
<p>Le vote a mobilisé un peu plus de 8 % des habitants, un chiffre que l’équipe municipale juge encourageant. « C’est plus que la participation à certaines réunions de quartier, et surtout ce ne sont pas les mêmes personnes », souligne Marc Delorme, adjoint chargé de la démocratie locale.</p>
<p>Les chercheurs qui étudient ces dispositifs appellent toutefois à la prudence. Les jeunes, les habitants des quartiers populaires et ceux qui maîtrisent mal le numérique votent moins, ce qui peut orienter les projets retenus vers les attentes des plus mobilisés.</p>
<h2>Des règles à inventer</h2>
<p>Pour corriger ce biais, certaines communes installent des urnes sur les marchés, dans les centres sociaux ou devant les collèges. D’autres réservent une partie de l’enveloppe aux quartiers prioritaires. La plupart publient désormais un suivi des projets, pour montrer que les votes sont suivis d’effets.</p>
<p>Car la désillusion guette quand un projet plébiscité tarde à sortir de terre. À Lescourt-sur-Vère, le skatepark voté il y a deux ans attend toujours ses autorisations. « Il faut être honnête avec les habitants sur les délais, sinon on fabrique de la méfiance », reconnaît Marc Delorme.</p>
""",
    ),
    DemoArticle(
        slug="mode-de-scrutin-ce-que-propose-la-commission-duvernois",
        title="Mode de scrutin : ce que propose la commission Duvernois",
        standfirst="Chargée de réfléchir à une dose de proportionnelle pour les élections législatives, la commission présidée par le juriste Bernard Duvernois rend un rapport prudent. Trois scénarios sont sur la table.",
        section="politique",
        authors=("ines-benali",),
        tags=("Institutions", "Élections", "Assemblée nationale", "Démocratie"),
        status="review",
        publish_offset_hours=None,
        caption="La répartition des sièges pourrait changer selon le scénario retenu.",
        body="""
<p>Le débat revient à chaque législature : faut-il introduire une part de proportionnelle dans l’élection des députés ? La commission présidée par Bernard Duvernois, professeur de droit public, a auditionné pendant six mois élus, constitutionnalistes et représentants de la société civile avant de livrer ses conclusions.</p>
<h2>Trois scénarios</h2>
<ol>
<li>Une dose de 15 % de députés élus à la proportionnelle sur des listes nationales, le reste au scrutin majoritaire actuel.</li>
<li>Une proportionnelle par département pour les circonscriptions les plus peuplées, avec un seuil de 5 % des voix.</li>
<li>Un scrutin mixte à l’allemande, où chaque électeur dispose de deux voix.</li>
</ol>
<p>La commission ne tranche pas, mais elle signale sa préférence pour le premier scénario, « le plus simple à comprendre pour les électeurs et le moins déstabilisant pour le lien entre un député et son territoire ».</p>
<h2>Des partis divisés</h2>
<p>Les réactions reflètent les intérêts de chacun. Les formations qui obtiennent des scores importants sans parvenir à remporter beaucoup de circonscriptions plaident pour une dose élevée. Les partis les mieux implantés localement défendent le statu quo, au nom de la stabilité des majorités.</p>
<p>Une réforme du mode de scrutin législatif ne nécessite pas de révision de la Constitution : une loi suffit. Mais elle devrait intervenir au moins un an avant une élection pour ne pas être soupçonnée d’arrière-pensées, rappelle le rapport.</p>
""",
    ),
    DemoArticle(
        slug="ecoles-rurales-les-maires-demandent-au-senat-un-fonds-contre-les-fermetures-de-classes",
        title="Écoles rurales : les maires demandent au Sénat un fonds contre les fermetures de classes",
        standfirst="Auditionnés par les sénateurs, des élus de petites communes ont décrit la spirale qui menace leurs écoles : moins d’élèves, classes fermées, familles qui partent. Ils réclament un moratoire et des moyens pour les regroupements.",
        section="politique",
        authors=("ines-benali", "thomas-le-goff"),
        tags=(
            "Sénat",
            "Éducation",
            "Ruralité",
            "Collectivités locales",
            "Services publics",
        ),
        status="published",
        publish_offset_hours=-195,
        caption="Dans certaines communes rurales, l’école est le dernier service public.",
        related=(
            "harcelement-scolaire-dans-les-colleges-des-eleves-formes-pour-reperer-et-alerter",
            "budgets-participatifs-les-villes-moyennes-se-lancent-a-leur-tour",
        ),
        body="""
<p>Ils étaient une dizaine, venus de la Creuse, de la Haute-Marne ou des Alpes-de-Haute-Provence, à témoigner devant la commission de la culture et de l’éducation du Sénat. Tous maires de communes de moins de 2 000 habitants, tous confrontés à la menace d’une fermeture de classe à la prochaine rentrée.</p>
<h2>« L’école, c’est ce qui fait rester les familles »</h2>
<p>Sylvie Magnin, maire d’un village de 600 habitants, a résumé l’inquiétude générale :</p>
<blockquote><p>Quand une classe ferme, les parents commencent à inscrire leurs enfants ailleurs, près de leur travail. L’année suivante, il manque encore des élèves, et c’est l’école entière qui est menacée. Sans école, plus aucune jeune famille ne s’installe.</p></blockquote>
<p>Les élus reconnaissent la baisse démographique, réelle dans de nombreux territoires ruraux. Mais ils demandent que les décisions soient prises sur plusieurs années, en concertation, et non au dernier moment en fonction des effectifs d’une seule rentrée.</p>
<h2>Un fonds pour les regroupements</h2>
<p>Leur principale proposition : un fonds national pour aider les communes voisines à regrouper leurs écoles sans allonger de façon déraisonnable les trajets des enfants. Transport scolaire, cantine, rénovation des bâtiments : les besoins sont souvent hors de portée des petits budgets communaux.</p>
<p>Plusieurs sénateurs ont promis de porter la demande lors de l’examen du prochain budget. Le ministère de l’Éducation nationale, de son côté, rappelle que le taux d’encadrement n’a jamais été aussi favorable dans le premier degré.</p>
""",
    ),
)
