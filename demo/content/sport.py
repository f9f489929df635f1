from demo.spec import DemoArticle

ARTICLES = (
    DemoArticle(
        slug="rugby-le-rc-cevennes-renverse-le-stade-cotier-au-bout-du-suspense",
        title="Rugby : le RC Cévennes renverse le Stade côtier au bout du suspense",
        standfirst="Menés de dix points à l’heure de jeu, les Cévenols se sont imposés 23 à 20 grâce à un essai en coin à la dernière minute. Une victoire qui les relance dans la course aux phases finales.",
        section="sport",
        authors=("mathieu-ndiaye",),
        tags=("Rugby", "Championnat", "Arbitrage", "Cévennes"),
        status="published",
        publish_offset_hours=-14,
        caption="L’essai de la victoire, inscrit dans le coin droit à la dernière minute.",
        related=("trail-la-grande-traversee-des-cevennes-complete-en-quatre-heures",),
        body="""
<p>Le stade des Châtaigniers n’avait plus connu une telle ambiance depuis longtemps. Au coup de sifflet final, les 6 000 spectateurs ont envahi la pelouse pour fêter une victoire arrachée 23 à 20 face au Stade côtier, l’un des favoris du championnat.</p>
<h2>Une première heure à sens unique</h2>
<p>Pendant soixante minutes, pourtant, les visiteurs ont dominé. Plus puissants en mêlée, plus précis au pied, ils menaient 20 à 10 après un essai de leur troisième ligne sur une action de ballon porté. Le RC Cévennes semblait incapable de sortir de son camp.</p>
<p>Le tournant est venu du banc. L’entrée des remplaçants en première ligne a rééquilibré les mêlées, et une pénalité de Lucas Bertrand a ramené les siens à sept points. « À la mi-temps, on s’est dit qu’on n’avait rien à perdre, qu’il fallait jouer tous les ballons », raconte le capitaine, Kévin Roux.</p>
<h2>Un final irrespirable</h2>
<p>À cinq minutes de la fin, un essai en force au ras des regroupements, transformé, a permis de revenir à égalité. Puis, sur l’ultime action, après onze temps de jeu, l’ailier Samuel Ortega a plongé dans le coin droit. L’arbitre vidéo a confirmé l’essai, déclenchant une explosion de joie.</p>
<p>Grâce à cette victoire, le RC Cévennes remonte à la sixième place, qualificative pour les phases finales. Il se déplacera la semaine prochaine chez le leader, dans un match qui dira beaucoup de ses ambitions.</p>
""",
    ),
    DemoArticle(
        slug="trail-la-grande-traversee-des-cevennes-complete-en-quatre-heures",
        title="Trail : la Grande Traversée des Cévennes complète en quatre heures",
        standfirst="Les 1 500 dossards de l’épreuve reine, 85 kilomètres sur les crêtes, se sont arrachés dès l’ouverture des inscriptions. Les organisateurs assument de ne pas grossir, pour préserver la montagne.",
        section="sport",
        authors=("mathieu-ndiaye",),
        tags=("Trail", "Montagne", "Sport amateur", "Tourisme", "Cévennes"),
        status="published",
        publish_offset_hours=-80,
        caption="Le parcours emprunte les crêtes qui dominent les vallées cévenoles.",
        related=(
            "rugby-le-rc-cevennes-renverse-le-stade-cotier-au-bout-du-suspense",
            "meubles-touristiques-lassemblee-adopte-lencadrement-en-premiere-lecture",
        ),
        body="""
<p>Les inscriptions ont ouvert à midi. À 16 heures, il ne restait plus un seul dossard pour la Grande Traversée des Cévennes, l’épreuve phare du festival de trail organisé chaque année au cœur du massif. Plusieurs milliers de coureurs se retrouvent sur liste d’attente.</p>
<h2>Un succès voulu limité</h2>
<p>Les organisateurs pourraient accueillir bien davantage de participants. Ils ont choisi de ne pas le faire. « Le parcours traverse le cœur du parc national, avec des zones sensibles pour la faune. Nous avons fixé un plafond avec les gestionnaires du parc, et nous n’y toucherons pas », explique Élodie Garnier, présidente de l’association organisatrice.</p>
<p>Pour la même raison, les coureurs doivent respecter des règles strictes :</p>
<ul>
<li>gobelet personnel obligatoire, aucun déchet abandonné sous peine de disqualification ;</li>
<li>interdiction de couper les lacets des sentiers ;</li>
<li>navettes collectives encouragées pour rejoindre le départ.</li>
</ul>
<h2>Une aubaine pour les vallées</h2>
<p>Pour les hébergeurs et les commerçants, le festival est un temps fort de l’année. Les gîtes affichent complet plusieurs mois à l’avance, et les coureurs reviennent souvent en famille pour les vacances.</p>
<p>Le succès de l’épreuve illustre l’engouement pour le trail, dont le nombre de pratiquants licenciés ou occasionnels a fortement progressé ces dernières années. Un engouement qui pose partout la même question : comment accueillir ce public sans abîmer les espaces naturels qui l’attirent ?</p>
""",
    ),
    DemoArticle(
        slug="football-amateur-les-districts-manquent-darbitres-les-matchs-menaces",
        title="Football amateur : les districts manquent d’arbitres, les matchs menacés",
        standfirst="Chaque week-end, des rencontres de jeunes se jouent sans arbitre officiel, faute de candidats. Insultes, pression des parents, manque de reconnaissance : les raisons de la crise sont connues, les solutions plus difficiles à trouver.",
        section="sport",
        authors=("mathieu-ndiaye",),
        tags=("Football", "Arbitrage", "Sport amateur", "Bénévolat"),
        status="draft",
        publish_offset_hours=None,
        caption="Un arbitre de district lors d’une rencontre de jeunes.",
        body="""
<p>Dans de nombreux districts, le constat est le même : il n’y a plus assez d’arbitres pour couvrir toutes les rencontres. Les matchs de seniors sont prioritaires. Pour les catégories de jeunes, ce sont souvent un éducateur ou un parent bénévole qui prennent le sifflet, sans formation.</p>
<h2>Pourquoi ils arrêtent</h2>
<p>Les responsables de l’arbitrage citent toujours les mêmes raisons :</p>
<ol>
<li>les insultes et les menaces, venues des joueurs mais surtout des tribunes ;</li>
<li>le sentiment d’être peu soutenus quand un incident survient ;</li>
<li>des indemnités jugées faibles au regard des déplacements ;</li>
<li>la difficulté de concilier l’arbitrage avec les études ou le travail.</li>
</ol>
<p>« Un jeune arbitre qui se fait agresser verbalement lors de ses trois premiers matchs, on ne le revoit pas », résume Patrick Lemoine, responsable de la commission d’arbitrage d’un district du Centre-Val de Loire.</p>
<h2>Des pistes à l’essai</h2>
<p>Certains districts testent des solutions : accompagnement des nouveaux arbitres par un tuteur expérimenté, brassard spécifique pour les moins de dix-huit ans, sanctions alourdies pour les clubs dont les supporters dérapent. D’autres misent sur les lycées, avec des sections sportives qui intègrent une formation à l’arbitrage.</p>
""",
    ),
    DemoArticle(
        slug="piscines-municipales-la-facture-energetique-menace-lapprentissage-de-la-nage",
        title="Piscines municipales : la facture énergétique menace l’apprentissage de la nage",
        standfirst="Créneaux réduits, bassins fermés l’hiver, eau moins chaude : les communes cherchent à limiter le coût de leurs piscines. Les maîtres-nageurs s’inquiètent pour les enfants qui n’apprendront pas à nager.",
        section="sport",
        authors=("mathieu-ndiaye", "thomas-le-goff"),
        tags=("Natation", "Énergie", "Collectivités locales", "Enfance"),
        status="scheduled",
        publish_offset_hours=44,
        caption="Une piscine municipale est l’un des équipements les plus coûteux d’une commune.",
        related=(
            "panneaux-solaires-le-tarif-de-rachat-baisse-les-particuliers-sinterrogent",
            "ecoles-rurales-les-maires-demandent-au-senat-un-fonds-contre-les-fermetures-de-classes",
        ),
        body="""
<p>Chauffer un grand bassin, renouveler l’air et traiter l’eau : une piscine est l’un des équipements les plus gourmands en énergie qu’une commune puisse posséder. Avec la hausse des prix de ces dernières années, de nombreuses collectivités ont dû faire des choix douloureux.</p>
<h2>Des créneaux scolaires sacrifiés</h2>
<p>Les premières victimes sont souvent les séances scolaires, qui mobilisent le bassin aux heures où il rapporte le moins. Dans certaines écoles, les élèves de primaire n’ont eu que quelques séances de natation dans l’année, loin de ce que prévoient les programmes.</p>
<p>« Apprendre à nager, ce n’est pas un loisir, c’est une question de sécurité », rappelle Karine Dumas, maîtresse-nageuse depuis vingt ans. Elle constate que de plus en plus d’enfants arrivent au collège sans savoir se maintenir à la surface.</p>
<h2>Rénover pour consommer moins</h2>
<p>Les solutions existent, mais elles coûtent cher au départ : couvertures thermiques posées la nuit sur les bassins, pompes à chaleur, récupération de chaleur sur l’air extrait, panneaux solaires thermiques. Une piscine rénovée peut réduire sa consommation de moitié.</p>
<p>Les associations d’élus demandent un plan national pour ces équipements, dont beaucoup ont été construits dans les années 1970 et arrivent en fin de vie. Faute de quoi, préviennent-elles, certaines communes n’auront d’autre choix que de fermer leur bassin.</p>
""",
    ),
)
