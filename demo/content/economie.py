from demo.spec import DemoArticle, DemoCorrection

ARTICLES = (
    DemoArticle(
        slug="prix-alimentaires-troisieme-mois-de-baisse-dans-les-rayons",
        title="Prix alimentaires : troisième mois de baisse dans les rayons",
        standfirst="Les étiquettes reculent à nouveau dans les supermarchés, portées par la baisse des cours des matières premières. Mais les prix restent bien au-dessus de leur niveau d’il y a trois ans, et tous les produits ne sont pas logés à la même enseigne.",
        section="economie",
        authors=("hugo-marchetti",),
        tags=("Inflation", "Consommation", "Pouvoir d’achat", "Agriculture"),
        status="published",
        publish_offset_hours=-70,
        is_featured=True,
        updated_hours_after=5,
        caption="Les produits frais baissent plus vite que l’épicerie.",
        related=(
            "secheresses-les-vingt-sept-adoptent-un-plan-commun-pour-economiser-leau",
            "assurance-chomage-syndicats-et-patronat-trouvent-un-accord-sur-lemploi-des-seniors",
        ),
        correction=DemoCorrection(
            hours_after_publication=5,
            text="Une précédente version de cet article indiquait une baisse de 0,8 % des prix alimentaires sur un mois. Il s’agit de 0,6 %. Le passage concerné a été corrigé.",
        ),
        body="""
<p>Le recul se confirme. Selon le baromètre mensuel du cabinet Panelis, qui suit chaque semaine les prix de plus de 20 000 produits dans les grandes surfaces, le panier alimentaire a baissé de 0,6 % sur un mois, après deux premiers reculs plus modestes.</p>
<h2>Ce qui baisse, ce qui résiste</h2>
<p>Le mouvement est inégal selon les rayons :</p>
<ul>
<li>les huiles et les pâtes, très dépendantes des cours mondiaux, reculent nettement ;</li>
<li>les fruits et légumes frais baissent grâce à de bonnes récoltes ;</li>
<li>la viande et les produits laitiers restent stables ;</li>
<li>le café et le chocolat continuent d’augmenter, en raison de mauvaises récoltes dans les pays producteurs.</li>
</ul>
<p>« Les baisses arrivent toujours plus lentement que les hausses, rappelle Nathalie Bercot, économiste chez Panelis. Les industriels et les distributeurs ont des contrats annuels, des stocks achetés plus cher, et ils cherchent aussi à reconstituer leurs marges. »</p>
<h2>Un soulagement encore partiel</h2>
<p>Pour les ménages, le soulagement reste relatif. Après la forte poussée des années précédentes, les prix alimentaires demeurent environ 20 % au-dessus de leur niveau d’il y a trois ans. Les associations d’aide alimentaire constatent d’ailleurs que la fréquentation de leurs distributions ne diminue pas.</p>
<p>Les distributeurs, de leur côté, multiplient les opérations promotionnelles et mettent en avant leurs marques propres, moins chères. Une stratégie qui pèse sur les petits fournisseurs, lesquels dénoncent des négociations commerciales de plus en plus tendues.</p>
""",
    ),
    DemoArticle(
        slug="assurance-chomage-syndicats-et-patronat-trouvent-un-accord-sur-lemploi-des-seniors",
        title="Assurance chômage : syndicats et patronat trouvent un accord sur l’emploi des seniors",
        standfirst="Au terme d’une ultime séance de négociation, les partenaires sociaux se sont entendus sur un texte qui crée un entretien de mi-carrière obligatoire et facilite la retraite progressive. Il doit encore être signé par les organisations.",
        section="economie",
        authors=("hugo-marchetti",),
        tags=("Emploi", "Seniors", "Dialogue social"),
        status="published",
        publish_offset_hours=-0.6,
        is_breaking=True,
        updated_hours_after=0.35,
        sources="Avec AFP",
        caption="Le taux d’emploi des 60-64 ans reste inférieur à la moyenne européenne.",
        related=(
            "dans-le-jura-un-fabricant-de-boitiers-de-montres-rapatrie-sa-production",
        ),
        body="""
<p>Les négociateurs des syndicats et des organisations patronales sont parvenus à un accord sur l’emploi des salariés âgés, après plusieurs mois de discussions et une dernière séance qui s’est prolongée tard dans la soirée.</p>
<h2>Les principales mesures</h2>
<p>Le texte prévoit un entretien obligatoire à 45 ans et à 60 ans pour faire le point sur les compétences, la santé et les souhaits de fin de carrière de chaque salarié. Il assouplit l’accès à la retraite progressive, qui permet de travailler à temps partiel tout en percevant une partie de sa pension.</p>
<p>Les entreprises de plus de 300 salariés devront par ailleurs négocier un accord sur l’emploi des seniors, sous peine de pénalités financières. Le patronat a obtenu que ces pénalités ne s’appliquent qu’après un délai de deux ans.</p>
<h2>Signatures attendues</h2>
<p>Chaque organisation doit désormais consulter ses instances avant de signer. « C’est un compromis, personne n’a tout obtenu, mais il y a de vraies avancées pour les salariés », a réagi à la sortie de la séance l’un des négociateurs syndicaux. Le gouvernement s’est engagé à transposer rapidement les mesures qui relèvent de la loi.</p>
""",
    ),
    DemoArticle(
        slug="dans-le-jura-un-fabricant-de-boitiers-de-montres-rapatrie-sa-production",
        title="Dans le Jura, un fabricant de boîtiers de montres rapatrie sa production",
        standfirst="La maison Vuillemin, installée près de Morteau depuis trois générations, ferme son atelier asiatique et recrute quarante personnes. Un pari sur la qualité et la proximité, rendu possible par l’automatisation.",
        section="economie",
        authors=("hugo-marchetti",),
        tags=("Industrie", "Relocalisation", "Emploi", "PME"),
        status="published",
        publish_offset_hours=-122,
        caption="L’usinage des boîtiers demande une précision au centième de millimètre.",
        related=(
            "assurance-chomage-syndicats-et-patronat-trouvent-un-accord-sur-lemploi-des-seniors",
            "le-musee-de-la-mine-de-carvin-les-bois-rouvre-ses-galeries-apres-trois-ans-de-travaux",
        ),
        body="""
<p>Dans le nouvel atelier de la maison Vuillemin, les machines d’usinage tournent jour et nuit. Elles taillent dans l’acier et le titane des boîtiers de montres qui partent ensuite chez les horlogers suisses, de l’autre côté de la frontière, à une trentaine de kilomètres.</p>
<h2>« Nos clients voulaient de la réactivité »</h2>
<p>Pendant quinze ans, l’entreprise a fait fabriquer la moitié de sa production en Asie. Claire Vuillemin, qui a repris la direction il y a cinq ans, a décidé de tout rapatrier :</p>
<blockquote><p>Nos clients nous demandaient des petites séries, des modifications en cours de route, des délais de quelques semaines. Avec un atelier à l’autre bout du monde, c’était devenu impossible. Ici, un prototype peut être prêt en trois jours.</p></blockquote>
<p>L’investissement, de près de six millions d’euros, a été financé en partie par un prêt régional et un dispositif public de soutien à la relocalisation industrielle. Il a été rendu rentable par l’automatisation : un opérateur surveille désormais plusieurs machines à la fois.</p>
<h2>Le casse-tête du recrutement</h2>
<p>Reste à trouver les bras. L’entreprise doit recruter quarante personnes d’ici la fin de l’année, principalement des régleurs et des polisseurs. Or les salaires suisses, nettement plus élevés, attirent chaque jour des milliers de frontaliers. « On forme nous-mêmes, et on mise sur la qualité de vie et les horaires », explique Claire Vuillemin, qui a noué un partenariat avec le lycée professionnel voisin.</p>
<p>Pour les économistes, ce type de relocalisation reste l’exception : il concerne surtout des produits à forte valeur ajoutée, fabriqués en petites quantités, pour lesquels le coût de la main-d’œuvre pèse moins que la rapidité et la qualité.</p>
""",
    ),
    DemoArticle(
        slug="panneaux-solaires-le-tarif-de-rachat-baisse-les-particuliers-sinterrogent",
        title="Panneaux solaires : le tarif de rachat baisse, les particuliers s’interrogent",
        standfirst="L’électricité que les particuliers revendent au réseau sera moins bien payée pour les nouvelles installations. Faut-il encore équiper son toit ? Oui, répondent les spécialistes, à condition de consommer soi-même sa production.",
        section="economie",
        authors=("hugo-marchetti", "thomas-le-goff"),
        tags=("Énergie", "Pouvoir d’achat", "Logement", "Climat"),
        status="scheduled",
        publish_offset_hours=30,
        caption="Une installation domestique typique compte une douzaine de panneaux.",
        related=(
            "piscines-municipales-la-facture-energetique-menace-lapprentissage-de-la-nage",
            "prix-alimentaires-troisieme-mois-de-baisse-dans-les-rayons",
        ),
        body="""
<p>La baisse était attendue, elle est désormais officielle : le tarif auquel est rachetée l’électricité produite par les panneaux solaires des particuliers diminue pour toutes les installations raccordées à partir du mois prochain. Les contrats en cours ne sont pas concernés.</p>
<h2>Pourquoi cette baisse</h2>
<p>Le prix des panneaux a fortement diminué ces dernières années, et les pouvoirs publics estiment que le soutien accordé aux petites installations n’a plus besoin d’être aussi généreux. Le nombre de demandes de raccordement, en forte hausse, pèse aussi sur les finances publiques qui compensent l’écart avec le prix du marché.</p>
<h2>L’autoconsommation devient la règle</h2>
<p>Pour les particuliers, le calcul change. « Il est désormais beaucoup plus intéressant de consommer sa propre électricité que de la revendre », explique Julie Ferrand, conseillère dans une agence locale de l’énergie. Concrètement, cela suppose de faire tourner le lave-linge, le chauffe-eau ou la recharge de la voiture en milieu de journée, quand les panneaux produisent.</p>
<p>Selon ses estimations, une installation bien dimensionnée reste rentable en une douzaine d’années, contre une dizaine auparavant. Elle met en garde contre les démarcheurs qui promettent des économies irréalistes : « Demandez plusieurs devis, vérifiez les labels de l’installateur et méfiez-vous des offres de financement signées sur-le-champ. »</p>
""",
    ),
)
