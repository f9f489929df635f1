from demo.spec import DemoArticle

ARTICLES = (
    DemoArticle(
        slug="aux-urgences-de-val-derdre-appeler-avant-de-venir-change-tout",
        title="Aux urgences de Val-d’Erdre, appeler avant de venir change tout",
        standfirst="Depuis un an, l’hôpital demande aux patients de téléphoner avant de se présenter aux urgences, sauf urgence vitale. L’attente a fondu, mais le dispositif repose sur des médecins régulateurs difficiles à recruter.",
        section="societe",
        authors=("thomas-le-goff",),
        tags=("Santé", "Hôpital", "Services publics"),
        status="published",
        publish_offset_hours=-50,
        is_featured=True,
        caption="La salle d’attente des urgences, beaucoup moins encombrée qu’il y a un an.",
        related=(
            "harcelement-scolaire-dans-les-colleges-des-eleves-formes-pour-reperer-et-alerter",
            "ecoles-rurales-les-maires-demandent-au-senat-un-fonds-contre-les-fermetures-de-classes",
        ),
        body="""
<p>Il est 21 heures et la salle d’attente des urgences du centre hospitalier de Val-d’Erdre ne compte que six personnes. Il y a un an, à la même heure, elles étaient souvent plus de trente, certaines installées sur des brancards dans le couloir. Entre-temps, l’établissement a changé de méthode : sauf urgence vitale, il faut désormais appeler le 15 avant de venir.</p>
<h2>Un tri au téléphone</h2>
<p>Au bout du fil, un assistant de régulation médicale recueille les premiers éléments, puis passe l’appel à un médecin. Celui-ci oriente le patient : conseil par téléphone, rendez-vous chez un médecin de garde, consultation programmée le lendemain aux urgences ou venue immédiate.</p>
<p>« Une grande partie des personnes qui venaient aux urgences avaient surtout besoin d’un avis médical rapide, pas d’un plateau technique hospitalier », explique le docteur Antoine Ribeyre, chef du service.</p>
<blockquote><p>Aujourd’hui, quand un patient arrive, on sait déjà pourquoi il vient et on l’attend. On a retrouvé du temps pour ceux qui en ont vraiment besoin.</p></blockquote>
<h2>Le défi des effectifs</h2>
<p>Le modèle a un point faible : il faut des médecins régulateurs disponibles à toute heure. L’hôpital s’appuie sur des généralistes libéraux volontaires, rémunérés à la garde, mais les plannings restent difficiles à remplir les week-ends et pendant les vacances scolaires.</p>
<p>Les associations de patients, elles, demandent que le dispositif reste lisible : « Il ne faut pas que des personnes âgées ou isolées renoncent à se soigner parce qu’elles n’ont pas compris qu’elles pouvaient appeler », insiste Monique Laborde, représentante des usagers au conseil de surveillance.</p>
""",
    ),
    DemoArticle(
        slug="harcelement-scolaire-dans-les-colleges-des-eleves-formes-pour-reperer-et-alerter",
        title="Harcèlement scolaire : dans les collèges, des élèves formés pour repérer et alerter",
        standfirst="Dans un collège de la banlieue lyonnaise, une vingtaine d’élèves volontaires servent de relais entre leurs camarades et les adultes. Une approche qui mise sur la parole des jeunes, sans les transformer en surveillants.",
        section="societe",
        authors=("thomas-le-goff", "ines-benali"),
        tags=("Éducation", "Harcèlement", "Jeunesse", "Numérique"),
        status="published",
        publish_offset_hours=-170,
        caption="Les élèves ambassadeurs se réunissent chaque semaine avec l’infirmière scolaire.",
        related=(
            "dans-le-sahel-des-radios-communautaires-en-premiere-ligne-contre-les-fausses-nouvelles",
            "ecoles-rurales-les-maires-demandent-au-senat-un-fonds-contre-les-fermetures-de-classes",
        ),
        body="""
<p>Ils portent un petit badge discret sur leur sac, rien de plus. Au collège des Tilleuls, vingt-deux élèves de la cinquième à la troisième sont devenus « ambassadeurs » contre le harcèlement. Leur rôle : être attentifs, écouter, et surtout prévenir un adulte quand quelque chose ne va pas.</p>
<h2>Une formation de trois jours</h2>
<p>Les volontaires ont suivi une formation avec l’infirmière scolaire et une psychologue de l’Éducation nationale. Au programme : reconnaître les signes d’un élève isolé, comprendre le cyberharcèlement, savoir à qui transmettre et ne jamais intervenir seul dans une situation tendue.</p>
<p>« On n’est pas là pour régler les problèmes nous-mêmes, mais pour que personne ne reste seul avec ça », résume Yanis, élève de quatrième. L’an dernier, il a signalé le cas d’une camarade qui recevait des messages insultants sur un groupe de discussion de la classe.</p>
<h2>Le téléphone, prolongement de la cour</h2>
<p>Le numérique a changé la nature du harcèlement : il ne s’arrête plus à la sortie du collège. Pour la principale, Françoise Oudin, c’est précisément là que les élèves sont indispensables :</p>
<blockquote><p>Les adultes ne voient pas ce qui se passe sur les téléphones. Les élèves, eux, le voient tout de suite. S’ils ont confiance, ils nous le disent, et on peut agir avant que la situation ne dégénère.</p></blockquote>
<p>Depuis la mise en place du dispositif, le nombre de signalements a augmenté, ce que l’équipe interprète comme un signe de confiance plutôt que comme une hausse des violences. Les familles sont systématiquement reçues, et les sanctions, quand elles sont nécessaires, s’accompagnent d’un travail de réparation.</p>
""",
    ),
    DemoArticle(
        slug="velo-la-frequentation-des-pistes-cyclables-bondit-dans-les-villes-moyennes",
        title="Vélo : la fréquentation des pistes cyclables bondit dans les villes moyennes",
        standfirst="Les compteurs installés par les collectivités enregistrent des hausses spectaculaires dans les villes de taille moyenne, longtemps restées à l’écart. Les aménagements continus font la différence.",
        section="societe",
        authors=("thomas-le-goff",),
        tags=("Mobilités", "Vélo", "Collectivités locales", "Climat"),
        status="unpublished",
        publish_offset_hours=-215,
        caption="Une piste cyclable séparée de la circulation automobile.",
        body="""
<p>Le phénomène n’est plus réservé aux grandes métropoles. Dans de nombreuses villes de 30 000 à 100 000 habitants, les compteurs automatiques enregistrent des hausses de fréquentation à deux chiffres sur les pistes cyclables, selon les données compilées par un réseau de collectivités engagées dans les mobilités actives.</p>
<h2>La continuité avant tout</h2>
<p>Les villes qui progressent le plus ont un point commun : elles ont relié leurs aménagements entre eux. « Une piste qui s’arrête au milieu d’un carrefour dangereux ne sert à rien, explique Romain Testud, urbaniste spécialiste des mobilités. Les gens prennent le vélo quand ils peuvent faire tout le trajet en sécurité. »</p>
<p>Le stationnement compte aussi. Des arceaux en nombre suffisant près des gares, des commerces et des écoles, et des abris fermés pour les vélos à assistance électrique, coûteux et donc volés plus souvent.</p>
<h2>Des résistances persistantes</h2>
<p>La réduction de la place de la voiture reste pourtant source de tensions, en particulier avec certains commerçants de centre-ville qui redoutent une baisse de fréquentation. Les études menées après les aménagements montrent généralement l’inverse, mais la crainte demeure.</p>
""",
    ),
    DemoArticle(
        slug="logement-etudiant-les-colocations-solidaires-gagnent-du-terrain",
        title="Logement étudiant : les colocations solidaires gagnent du terrain",
        standfirst="Des associations proposent des loyers modérés à des étudiants qui s’engagent, en échange, à animer la vie d’un quartier populaire. Un modèle qui séduit, mais qui reste confidentiel face à l’ampleur des besoins.",
        section="societe",
        authors=("thomas-le-goff",),
        tags=("Logement", "Jeunesse", "Éducation", "Solidarité"),
        status="draft",
        publish_offset_hours=None,
        caption="Une colocation solidaire installée au pied d’un immeuble de logements sociaux.",
        body="""
<p>Chloé, Samuel et Mehdi partagent un quatre-pièces au troisième étage d’un immeuble de logements sociaux. Leur loyer est deux fois moins élevé que celui d’un studio en centre-ville. En contrepartie, ils consacrent quelques heures par semaine à la vie du quartier : aide aux devoirs, fête des voisins, atelier de réparation de vélos.</p>
<h2>Un engagement plus qu’un logement</h2>
<p>Le modèle a été lancé par une association il y a une quinzaine d’années et s’est depuis étendu à plusieurs grandes villes universitaires, en partenariat avec les bailleurs sociaux. Les candidats sont sélectionnés sur leur motivation autant que sur leurs besoins.</p>
<p>« Au début, je cherchais surtout un logement pas cher. Aujourd’hui, je connais tout le monde dans l’immeuble », raconte Chloé, étudiante en master de sociologie.</p>
<h2>Une goutte d’eau</h2>
<p>Reste que ces colocations représentent quelques milliers de places, quand les résidences universitaires affichent complet et que les loyers du parc privé ne cessent d’augmenter dans les villes étudiantes. Les associations plaident pour un changement d’échelle, qui supposerait davantage de logements mis à disposition par les bailleurs.</p>
""",
    ),
)
